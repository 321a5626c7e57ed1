// The output guard as the turn uses it: a capability, so the detector can be swapped or stubbed.
// The default is the deterministic answer-leak detector of `../guard`.
import { createKnownPieces, createLeakDetector, createSentenceSplitter, type GuardKey, type LeakVerdict, type SentenceSplitter } from '../guard/index.js';

export interface OutputGuard {
  /** Prepares the check of one reply against the open exercise's key; `context` is what the learner has seen or written. */
  prepare(key: GuardKey, context: readonly string[]): (sentence: string) => LeakVerdict;
  /** A fresh sentence splitter for one streamed reply. */
  splitter(): SentenceSplitter;
}

export const answerLeakGuard: OutputGuard = {
  prepare: (key, context) => createLeakDetector(key, context),
  splitter: createSentenceSplitter,
};

/** The answer-leak guard for one tutor: it remembers what the conversation's context states, so a turn does not read it again. */
export function createAnswerLeakGuard(): OutputGuard {
  const memo = createKnownPieces();
  return { prepare: (key, context) => createLeakDetector(key, context, memo), splitter: createSentenceSplitter };
}
