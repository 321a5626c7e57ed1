// The bench's model: answers instantly with the scripted reply of the current turn and keeps every
// prompt it is sent, so the bench measures the prompts exactly as a provider would receive them.
import type { LanguageModelV3Prompt, LanguageModelV3StreamPart } from '@ai-sdk/provider';
import { convertArrayToReadableStream, MockLanguageModelV3 } from 'ai/test';

export interface ScriptedModel {
  model: MockLanguageModelV3;
  prompts: LanguageModelV3Prompt[]; // every prompt sent, in order
  reply: { next: string }; // set before a turn; a second call in the same turn (a retry) gets a neutral reply
}

export function scriptedModel(): ScriptedModel {
  const prompts: LanguageModelV3Prompt[] = [];
  const reply = { next: '' };
  const model = new MockLanguageModelV3({
    doStream: async (options) => {
      prompts.push(options.prompt);
      const text = reply.next || 'What have you tried so far? Tell me your next step and we will check it together.';
      reply.next = '';
      const parts: LanguageModelV3StreamPart[] = [
        { type: 'stream-start', warnings: [] },
        { type: 'text-start', id: 't' },
        ...text.match(/.{1,24}/gs)!.map((delta) => ({ type: 'text-delta' as const, id: 't', delta })),
        { type: 'text-end', id: 't' },
        { type: 'finish', finishReason: { unified: 'stop', raw: undefined }, usage: { inputTokens: { total: 0, noCache: 0, cacheRead: undefined, cacheWrite: undefined }, outputTokens: { total: 0, text: 0, reasoning: undefined } } },
      ];
      return { stream: convertArrayToReadableStream(parts) };
    },
  });
  return { model, prompts, reply };
}

/** The prompt in the order a provider reads it: system, then each message with its role. Tool definitions are left out: they are the same every turn and the naive prompt has none. */
export function promptText(prompt: LanguageModelV3Prompt): string {
  return prompt
    .map((message) => {
      const content = typeof message.content === 'string' ? message.content : message.content.map((part) => ('text' in part ? part.text : JSON.stringify(part))).join('');
      return `<${message.role}>\n${content}`;
    })
    .join('\n');
}

/** How many leading characters two prompts share: the part of `next` a provider's prompt cache can reuse from `previous`. */
export function commonPrefixLength(previous: string, next: string): number {
  const limit = Math.min(previous.length, next.length);
  let shared = 0;
  while (shared < limit && previous.charCodeAt(shared) === next.charCodeAt(shared)) shared++;
  return shared;
}
