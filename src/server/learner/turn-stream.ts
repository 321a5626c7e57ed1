// A tutor turn as an AI SDK UI message stream, so the web app reads it with `useChat`: text parts
// for the reply (text-start / text-delta / text-end) and `data-<name>` parts (ApiTurnDataParts)
// for lessons, exercises, hints, verdicts, progress, notices, citations and how the turn was answered.
import { UI_MESSAGE_STREAM_HEADERS, type InferUIMessageChunk, type UIMessage } from 'ai';
import type { TurnSummary, TutorStreamPart } from '../../tutor/index.js';
import type { ShownPart } from '../../learner/index.js';
import type { ApiShownPart, ApiTurnDataParts } from '../api-types.js';

/** The UI message the web app's `useChat` holds for a tutor reply. */
export type TutorUIMessage = UIMessage<unknown, { [Name in keyof ApiTurnDataParts]: ApiTurnDataParts[Name] }>;

type TutorUIMessageChunk = InferUIMessageChunk<TutorUIMessage>;

/** What a learner reads when a turn breaks mid-stream; the details go to the server log. */
export const turnFailedMessage = 'The tutor ran into a problem while answering, so this reply is incomplete. Send your message again; your progress is saved.';

/**
 * Streams `run` (one tutor turn) to the client; the reply's message id is `<turnId>:reply`.
 * The bytes are what the AI SDK's createUIMessageStreamResponse sends (`data: <chunk JSON>` events,
 * then `data: [DONE]`, with its headers), written straight into one byte stream: its four chained
 * web streams cost more CPU than the rest of the HTTP side of a turn.
 *
 * Each write to the socket costs a system call and wakes the client, so chunks are gathered:
 * `start` waits for the first part the learner sees; every part up to the first text goes out at
 * once (the time to the first token is not touched); after that, a write goes out at most every
 * `gatherMs` (the end of the turn at once). A reply whose sentences come close together then
 * takes two or three writes instead of one per sentence, and text still appears faster than
 * anyone reads it.
 */
export interface StreamTurnOptions {
  /** Course Markdown (an exercise's prompt and choices, already in the learner's language) as HTML. */
  html: (markdown: string) => string;
  gatherMs?: number;
}

export function streamTurn(turnId: string, run: (onPart: (part: TutorStreamPart) => void) => Promise<TurnSummary>, options: StreamTurnOptions): Response {
  const { html, gatherMs = 10 } = options;
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let open = true; // false once closed, or once the client has gone (the turn still runs to its end and is stored)
  let pending = '';
  let scheduled = false;
  let timer: NodeJS.Timeout | undefined;
  let textSent = false; // until the first text has gone out, nothing waits
  let lastWrite = 0;
  const flush = () => {
    scheduled = false;
    clearTimeout(timer);
    if (pending && open) controller.enqueue(encoder.encode(pending));
    pending = '';
    lastWrite = performance.now();
  };
  const writer = {
    write(chunk: TutorUIMessageChunk) {
      pending += `data: ${JSON.stringify(chunk)}\n\n`;
      if (chunk.type === 'start') return;
      const atOnce = !textSent; // every part up to and including the first text
      if (chunk.type === 'text-delta') textSent = true;
      if (scheduled) return;
      scheduled = true;
      if (atOnce) queueMicrotask(flush);
      else timer = setTimeout(flush, Math.max(0, lastWrite + gatherMs - performance.now()));
    },
  };
  const body = new ReadableStream<Uint8Array>({
    start(streamController) {
      controller = streamController;
    },
    cancel() {
      open = false;
    },
  });
  void (async () => {
    try {
      writer.write({ type: 'start', messageId: `${turnId}:reply` });
      const text = textParts(writer, turnId);
      const summary = await run((part) => {
        if (part.type === 'text-delta') return text.delta(part.text);
        text.end();
        writeData(writer, part, html);
      });
      text.end();
      if (summary.citations.length > 0) writer.write({ type: 'data-citations', data: { chunks: summary.citations } });
      writer.write({ type: 'data-turn', data: { mode: summary.mode, replayed: summary.replayed, ...(summary.tier ? { tier: summary.tier } : {}), ...(summary.provider ? { provider: summary.provider } : {}) } });
      writer.write({ type: 'finish' });
    } catch {
      writer.write({ type: 'error', errorText: turnFailedMessage }); // the runner has logged the error
    }
    pending += 'data: [DONE]\n\n';
    flush();
    if (open) controller.close();
    open = false;
  })();
  return new Response(body, { headers: UI_MESSAGE_STREAM_HEADERS });
}

interface TurnWriter {
  write(chunk: TutorUIMessageChunk): void;
}

/** Consecutive text deltas form one text part; any other part closes it. */
function textParts(writer: TurnWriter, turnId: string) {
  let open: string | undefined;
  let count = 0;
  return {
    delta(delta: string) {
      if (!open) writer.write({ type: 'text-start', id: (open = `${turnId}:text-${++count}`) });
      writer.write({ type: 'text-delta', id: open, delta });
    },
    end() {
      if (open) writer.write({ type: 'text-end', id: open });
      open = undefined;
    },
  };
}

/** An exercise, hint or verdict part as the web app gets it, live or (GET …/messages) later. */
export function apiShownPart(part: ShownPart, html: StreamTurnOptions['html']): ApiShownPart {
  switch (part.type) {
    case 'exercise':
      return { type: 'data-exercise', data: { exercise: part.exercise, promptHtml: html(part.prompt), ...(part.choices ? { choices: part.choices.map((choice) => ({ id: choice.id, html: html(choice.text) })) } : {}) } };
    case 'hint':
      return { type: 'data-hint', data: { exercise: part.exercise, rung: part.rung, text: part.text, reveals: part.reveals } };
    case 'verdict': {
      const { type: _type, ...verdict } = part;
      return { type: 'data-verdict', data: verdict };
    }
  }
}

function writeData(writer: TurnWriter, part: Exclude<TutorStreamPart, { type: 'text-delta' }>, html: StreamTurnOptions['html']): void {
  switch (part.type) {
    case 'lesson':
      return writer.write({ type: 'data-lesson', data: { lesson: part.lesson, title: part.title } });
    case 'exercise':
    case 'hint':
    case 'verdict':
      return writer.write(apiShownPart(part, html));
    case 'progress':
      return writer.write({ type: 'data-progress', data: { skills: part.skills } });
    case 'notice':
      return writer.write({ type: 'data-notice', data: { code: part.code, message: part.message, ...(part.count !== undefined ? { count: part.count } : {}) } });
    case 'tool-result':
      return; // what a tool told the model; the learner sees its effects as the parts above
  }
}
