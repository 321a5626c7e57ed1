// The output guard for a streaming reply: text deltas in, checked sentences out, each as soon as
// it is complete. The tutor turn drops a sentence marked as a leak and asks for a rephrasing.
import { createLeakDetector } from './detect-leak.js';
import type { GuardKey } from './guard-key.js';
import type { LeakContext } from './leak-verdict.js';
import { createSentenceSplitter } from './split-sentences.js';

export interface GuardedSentence {
  text: string; // exactly as the model wrote it, spacing included, so ok sentences can be flushed as they are
  leak: boolean;
  evidence?: string;
}

export interface SentenceGuard {
  /** Adds a text delta; returns the sentences it completed, each checked. */
  push(delta: string): GuardedSentence[];
  /** Ends the reply; returns the last sentence, if any, checked. */
  end(): GuardedSentence[];
}

/**
 * A guard for one reply against the key of the open exercise.
 * @example
 * const guard = createSentenceGuard(key, [problemText, ...learnerAttempts]);
 * for await (const delta of stream) for (const sentence of guard.push(delta)) if (!sentence.leak) flush(sentence.text);
 * for (const sentence of guard.end()) if (!sentence.leak) flush(sentence.text);
 */
export function createSentenceGuard(key: GuardKey, context?: LeakContext): SentenceGuard {
  const detect = createLeakDetector(key, context);
  const splitter = createSentenceSplitter();
  const check = (text: string): GuardedSentence => {
    const verdict = detect(text);
    return verdict.evidence === undefined ? { text, leak: verdict.leak } : { text, leak: verdict.leak, evidence: verdict.evidence };
  };
  return {
    push: (delta) => splitter.push(delta).map(check),
    end: () => splitter.end().map(check),
  };
}

/** Guards a whole stream of text deltas, yielding checked sentences as they complete. */
export async function* guardTextStream(key: GuardKey, context: LeakContext | undefined, deltas: AsyncIterable<string>): AsyncGenerator<GuardedSentence> {
  const guard = createSentenceGuard(key, context);
  for await (const delta of deltas) yield* guard.push(delta);
  yield* guard.end();
}
