// The answer-leak detector: one function per answer type behind one entry point. Deterministic:
// the same key, context and sentence always give the same verdict.
import { choiceLeakDetector } from './detect-choice-leak.js';
import { codeLeakDetector } from './detect-code-leak.js';
import { expressionLeakDetector } from './detect-expression-leak.js';
import { numericLeakDetector } from './detect-numeric-leak.js';
import { textLeakDetector } from './detect-text-leak.js';
import type { GuardKey } from './guard-key.js';
import { noLeak, type KnownPieces, type LeakContext, type LeakVerdict } from './leak-verdict.js';

/**
 * Prepares the detector for one open exercise: the context is read once, then each call checks one sentence.
 * `memo` keeps what context pieces state across calls (a conversation repeats its context turn after turn).
 * @example const detect = createLeakDetector(key, ['Find f\'(3) for f(x) = x^2.', 'I got 5']); detect('So f\'(3) = 6.') // { leak: true, … }
 */
export function createLeakDetector(key: GuardKey, context?: LeakContext, memo?: KnownPieces): (sentence: string) => LeakVerdict {
  switch (key.type) {
    case 'numeric':
      return numericLeakDetector(key, context, memo);
    case 'expression':
      return expressionLeakDetector(key, context, memo);
    case 'choice':
      return choiceLeakDetector(key, context);
    case 'text':
      return textLeakDetector(key.accept, context);
    case 'code':
      return codeLeakDetector(key, context);
    case 'none':
      return () => noLeak;
  }
}

/** Checks one sentence of a model reply against the key of the open exercise. */
export function detectLeak(key: GuardKey, sentence: string, context?: LeakContext): LeakVerdict {
  return createLeakDetector(key, context)(sentence);
}
