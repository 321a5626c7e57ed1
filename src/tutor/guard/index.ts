// The answer-leak output guard: a deterministic detector per answer type and a sentence splitter for streaming replies.
export { createLeakDetector, detectLeak } from './detect-leak.js';
export { createSentenceGuard, guardTextStream, type GuardedSentence, type SentenceGuard } from './create-sentence-guard.js';
export { createSentenceSplitter, splitSentences, type SentenceSplitter } from './split-sentences.js';
export { guardKeyFromAnswer, guardKeyFromExercise, type GuardAnswerType, type GuardChoice, type GuardKey } from './guard-key.js';
export { contextPieces, createKnownPieces, type KnownPieces, type LeakContext, type LeakVerdict } from './leak-verdict.js';
export { findNumbers, type FoundNumber } from './find-numbers.js';
export { findWordNumbers } from './number-words.js';
export { extractionAttempts, type ExtractionAttempt } from './extraction-attempts.js';
export { guardJsonLine, guardRequestSchema, type GuardLineResult, type GuardRequest } from './guard-json-line.js';
