// Expression keys: any math-looking span of the sentence equivalent to the key at random points
// of the variables' domains (the checker's own comparison), unless the learner wrote or saw it.
import type { MathNode } from 'mathjs';
import { compareExpressions, parseExpression } from '../../exercise/index.js';
import { findMathSpans } from './find-math-spans.js';
import { numericLeakDetector } from './detect-numeric-leak.js';
import { contextPieces, noLeak, type LeakContext, type LeakVerdict } from './leak-verdict.js';

export interface ExpressionGuardKey {
  answer: string;
  variables: Record<string, [number, number]>;
}

const superscripts: Record<string, string> = { '²': '^2', '³': '^3', '⁴': '^4', '¹': '^1', '⁰': '^0' };

function readable(span: string): string {
  return span.replace(/[²³⁴¹⁰]/g, (digit) => superscripts[digit] ?? digit).replace(/[−–]/g, '-');
}

function equivalentSpan(text: string, keyNode: MathNode, key: ExpressionGuardKey, names: string[]): string | undefined {
  for (const span of findMathSpans(text, names)) {
    const parsed = parseExpression(readable(span), names);
    if ('error' in parsed) continue;
    if (compareExpressions(parsed.node, keyNode, key.variables) === 'equivalent') return span;
  }
  return undefined;
}

/** A detector for one expression key and context; call it on each sentence. */
export function expressionLeakDetector(key: ExpressionGuardKey, context?: LeakContext): (sentence: string) => LeakVerdict {
  const names = Object.keys(key.variables);
  const keyParsed = parseExpression(key.answer, names);
  if ('error' in keyParsed) return () => ({ leak: false, evidence: `the key "${key.answer}" does not parse, so it cannot be guarded: ${keyParsed.error}` });
  const keyNode = keyParsed.node;
  if (names.length === 0) {
    // a constant expression such as "1/2" is guarded as the number it is
    const value = Number(keyNode.evaluate());
    if (Number.isFinite(value)) return numericLeakDetector({ answer: value, tolerance: { relative: 1e-7 } }, context);
  }
  // The learner wrote or saw the answer when the context holds an equivalent expression that is no
  // more complex than the key; the unsimplified expression of a "simplify" problem does not count.
  const size = nodeCount(keyNode) + 2;
  const known = contextPieces(context).some((piece) => {
    const whole = parseExpression(readable(piece), names);
    if (!('error' in whole) && nodeCount(whole.node) <= size && compareExpressions(whole.node, keyNode, key.variables) === 'equivalent') return true;
    const span = equivalentSpan(piece, keyNode, key, names);
    if (span === undefined) return false;
    const parsed = parseExpression(readable(span), names);
    return !('error' in parsed) && nodeCount(parsed.node) <= size;
  });
  if (known) return () => noLeak;
  return (sentence) => {
    const span = equivalentSpan(sentence, keyNode, key, names);
    return span === undefined ? noLeak : { leak: true, evidence: `expression "${span}" is equivalent to the key ${key.answer}` };
  };
}

function nodeCount(node: MathNode): number {
  let count = 0;
  node.traverse((child) => {
    if (child.type !== 'ParenthesisNode') count++;
  });
  return count;
}
