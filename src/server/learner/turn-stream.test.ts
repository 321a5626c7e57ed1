import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TurnSummary, TutorStreamPart } from '../../tutor/index.js';
import { streamTurn } from './turn-stream.js';

const summary: TurnSummary = {
  turnId: 't1', replayed: false, mode: 'model', language: 'en', text: '', parts: [], tools: [], verdicts: [], hints: [], citations: [], leaksBlocked: 0,
  tokens: { input: 0, output: 0, prompt: 0, stablePrefix: 0 }, notices: [],
};

/** The UI message stream's events, one array per write the client received. */
async function nextWrite(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<string[]> {
  const { value } = await reader.read();
  return new TextDecoder().decode(value).split('\n\n').filter(Boolean).map((event) => event.replace(/^data: /, ''));
}

/** The next write, and whether it has arrived yet (settled after the fake timers are advanced). */
function watchNextWrite(reader: ReadableStreamDefaultReader<Uint8Array>) {
  const watched = { arrived: false, events: nextWrite(reader) };
  void watched.events.then(() => (watched.arrived = true));
  return watched;
}

const types = (events: string[]) => events.map((event) => (event === '[DONE]' ? event : (JSON.parse(event) as { type: string }).type));

describe('a tutor turn on the wire', () => {
  afterEach(() => vi.useRealTimers());

  it('sends everything up to the first text at once, gathers the parts that follow it into one write, and ends with the rest', async () => {
    vi.useFakeTimers();
    let emit!: (part: TutorStreamPart) => void;
    let finish!: () => void;
    const response = streamTurn('t1', (onPart) => {
      emit = onPart;
      return new Promise((resolve) => (finish = () => resolve(summary)));
    }, { html: (markdown) => `<p>${markdown}</p>` });
    const reader = response.body!.getReader();
    await vi.advanceTimersByTimeAsync(0);

    // Parts before the first text, and the first text, go out at once: the time to the first token is not held back.
    emit({ type: 'progress', skills: [] });
    expect(types(await nextWrite(reader))).toEqual(['start', 'data-progress']);
    const first = watchNextWrite(reader);
    emit({ type: 'text-delta', text: 'Good question. ' });
    await vi.advanceTimersByTimeAsync(0);
    expect(first.arrived).toBe(true);
    expect(types(await first.events)).toEqual(['text-start', 'text-delta']);

    // Two more sentences right after the first: nothing is written until the gathering time is up, then both at once.
    const next = watchNextWrite(reader);
    emit({ type: 'text-delta', text: 'Think of a slope. ' });
    emit({ type: 'text-delta', text: 'What changes?' });
    await vi.advanceTimersByTimeAsync(9);
    expect(next.arrived).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(next.arrived).toBe(true);
    const gathered = await next.events;
    expect(types(gathered)).toEqual(['text-delta', 'text-delta']);
    expect(gathered.map((event) => (JSON.parse(event) as { delta: string }).delta).join('')).toBe('Think of a slope. What changes?');

    // The end of the turn is not held back.
    emit({ type: 'notice', code: 'offline', message: 'The assistant is offline.' });
    finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(types(await nextWrite(reader))).toEqual(['text-end', 'data-notice', 'data-turn', 'finish', '[DONE]']);
    expect((await reader.read()).done).toBe(true);
  });
});
