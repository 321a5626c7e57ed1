// For tests and benchmarks: reads a turn response (SSE of UI message chunks) the way `useChat`
// does, into the chunks in order and the final UI message.
import { readUIMessageStream, type UIMessageChunk } from 'ai';
import type { TutorUIMessage } from './turn-stream.js';

export async function readTurnStream(response: Response): Promise<{ chunks: UIMessageChunk[]; message: TutorUIMessage | undefined; text: string }> {
  const body = await response.text();
  const chunks = body
    .split('\n')
    .filter((line) => line.startsWith('data: ') && line !== 'data: [DONE]')
    .map((line) => JSON.parse(line.slice('data: '.length)) as UIMessageChunk);
  const stream = new ReadableStream<UIMessageChunk>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
  let message: TutorUIMessage | undefined;
  for await (const state of readUIMessageStream<TutorUIMessage>({ stream })) message = state;
  const text = (message?.parts ?? []).map((part) => (part.type === 'text' ? part.text : '')).join('');
  return { chunks, message, text };
}
