// One streaming attempt on one chain entry: call it under the tier's timeouts and relay its parts
// to the caller's stream, keeping text ids stable so a continuation reads as one reply.
import type { LanguageModelV3CallOptions, LanguageModelV3StreamPart, LanguageModelV3Usage } from '@ai-sdk/provider';
import { ModelTimeoutError } from './classify-error.js';
import type { ChainEntry } from './route-state.js';

/** What the caller has received so far, across attempts. */
export interface RelayState {
  /** Text the caller has seen (all attempts). */
  text: string;
  /** Anything that reached the caller (text, reasoning, tool input). */
  delivered: boolean;
  /** A complete tool call reached the caller. */
  toolCallDelivered: boolean;
  /** The caller's open text block, if any; a continuation writes into it. */
  openTextId: string | null;
  streamStarted: boolean;
  nextId: number;
}

export function createRelayState(): RelayState {
  return { text: '', delivered: false, toolCallDelivered: false, openTextId: null, streamStarted: false, nextId: 0 };
}

export type AttemptResult =
  | { ok: true; usage: LanguageModelV3Usage; finishReason: Extract<LanguageModelV3StreamPart, { type: 'finish' }>['finishReason']; firstTokenAt: number | null; text: string }
  | { ok: false; error: unknown; firstTokenAt: number | null; text: string; usage?: LanguageModelV3Usage };

/**
 * Runs one attempt. Never throws: failures come back as `{ ok: false }` so the router can decide.
 * Parts are enqueued on `out`; `finish` is held back (the router sends one finish for the whole call).
 */
export async function relayAttempt(
  entry: ChainEntry,
  options: LanguageModelV3CallOptions,
  state: RelayState,
  out: ReadableStreamDefaultController<LanguageModelV3StreamPart>,
  now: () => number,
): Promise<AttemptResult> {
  const { timeouts } = entry;
  const controller = new AbortController();
  const signal = options.abortSignal ? AbortSignal.any([options.abortSignal, controller.signal]) : controller.signal;
  const started = now();
  let firstTokenAt: number | null = null;
  let text = '';
  const idMap = new Map<string, string>();
  const attemptPrefix = `a${state.nextId++}`;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let timeoutError: ModelTimeoutError | null = null;

  // One deadline at a time: connect, then first token, then total.
  const arm = (phase: ModelTimeoutError['phase'], limitMs: number, reject: (error: unknown) => void) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timeoutError = new ModelTimeoutError(phase, limitMs);
      controller.abort(timeoutError);
      reject(timeoutError);
    }, Math.max(0, limitMs));
  };
  let rejectDeadline: (error: unknown) => void = () => {};
  const deadline = new Promise<never>((_, reject) => (rejectDeadline = reject));
  deadline.catch(() => {});

  try {
    arm('connect', timeouts.connectMs, rejectDeadline);
    const result = await Promise.race([entry.languageModel.doStream({ ...options, abortSignal: signal }), deadline]);
    arm('first-token', timeouts.firstTokenMs, rejectDeadline);
    const reader = result.stream.getReader();
    let finish: Extract<LanguageModelV3StreamPart, { type: 'finish' }> | null = null;
    try {
      for (;;) {
        const { done, value: part } = await Promise.race([reader.read(), deadline]);
        if (done) break;
        if (part.type === 'error') throw part.error;
        if (part.type === 'finish') {
          finish = part;
          continue;
        }
        const forwarded = translate(part, state, idMap, attemptPrefix);
        if (!forwarded) continue;
        if (isContent(part)) {
          if (firstTokenAt === null) {
            firstTokenAt = now();
            arm('total', timeouts.totalMs - (firstTokenAt - started), rejectDeadline);
          }
          state.delivered = true;
        }
        if (part.type === 'text-delta') {
          text += part.delta;
          state.text += part.delta;
        }
        if (part.type === 'tool-call') state.toolCallDelivered = true;
        out.enqueue(forwarded);
      }
    } finally {
      reader.cancel().catch(() => {});
    }
    if (!finish) return { ok: false, error: new Error('the stream ended without finishing'), firstTokenAt, text };
    return { ok: true, usage: finish.usage, finishReason: finish.finishReason, firstTokenAt, text };
  } catch (error) {
    controller.abort();
    return { ok: false, error: timeoutError ?? error, firstTokenAt, text };
  } finally {
    clearTimeout(timer);
  }
}

function isContent(part: LanguageModelV3StreamPart): boolean {
  return part.type === 'text-delta' || part.type === 'reasoning-delta' || part.type === 'tool-input-start' || part.type === 'tool-call';
}

/** Maps one inner part to what the caller sees; null to drop it. */
function translate(part: LanguageModelV3StreamPart, state: RelayState, idMap: Map<string, string>, attemptPrefix: string): LanguageModelV3StreamPart | null {
  switch (part.type) {
    case 'stream-start':
      if (state.streamStarted) return null;
      state.streamStarted = true;
      return part;
    case 'text-start': {
      if (state.openTextId !== null) {
        idMap.set(part.id, state.openTextId);
        return null;
      }
      const id = `text-${state.nextId++}`;
      idMap.set(part.id, id);
      state.openTextId = id;
      return { ...part, id };
    }
    case 'text-delta': {
      let id = idMap.get(part.id);
      if (id === undefined) {
        // A provider that skips text-start: open one for it.
        id = state.openTextId ?? `text-${state.nextId++}`;
        idMap.set(part.id, id);
        state.openTextId = id;
      }
      return { ...part, id };
    }
    case 'text-end': {
      const id = idMap.get(part.id);
      if (id === undefined || state.openTextId !== id) return null;
      state.openTextId = null;
      return { ...part, id };
    }
    case 'reasoning-start':
    case 'reasoning-delta':
    case 'reasoning-end':
      return { ...part, id: `${attemptPrefix}-${part.id}` };
    default:
      return part;
  }
}
