// Expression keys: any math-looking span of the sentence equivalent to the key at random points
// of the variables' domains (the checker's own comparison), unless the learner wrote or saw it.
import type { MathNode } from 'mathjs';
import { compareExpressions, describeProblem, hashString, parseExpression, seededRandom } from '../../exercise/index.js';
import { findMathSpans } from './find-math-spans.js';
import { numericLeakDetector } from './detect-numeric-leak.js';
import { contextPieces, noLeak, type KnownPieces, type LeakContext, type LeakVerdict } from './leak-verdict.js';

export interface ExpressionGuardKey {
  answer: string;
  variables: Record<string, [number, number]>;
}

const superscripts: Record<string, string> = { '²': '^2', '³': '^3', '⁴': '^4', '¹': '^1', '⁰': '^0' };

function readable(span: string): string {
  return span.replace(/[²³⁴¹⁰]/g, (digit) => superscripts[digit] ?? digit).replace(/[−–]/g, '-');
}

type Compiled = { evaluate: (scope: Record<string, unknown>) => unknown };

/** The key evaluated at a few points of its domains, to turn most candidates away before the full comparison. */
interface Probe {
  points: Record<string, unknown>[];
  values: number[];
}

function probeKey(keyNode: MathNode, key: ExpressionGuardKey, names: string[]): Probe {
  const random = seededRandom(hashString(`guard:${key.answer}`));
  const code = keyNode.compile() as Compiled;
  const probe: Probe = { points: [], values: [] };
  for (let attempt = 0; attempt < 30 && probe.points.length < 3; attempt++) {
    const scope: Record<string, unknown> = { ln: Math.log };
    for (const name of names) {
      const [low, high] = key.variables[name] ?? [-1, 1];
      scope[name] = low + (high - low) * random();
    }
    const value = evaluateReal(code, scope);
    if (value === undefined) continue;
    probe.points.push(scope);
    probe.values.push(value);
  }
  return probe;
}

function evaluateReal(code: Compiled, scope: Record<string, unknown>): number | undefined {
  try {
    const value = code.evaluate({ ...scope });
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function passesProbe(node: MathNode, probe: Probe): boolean {
  const code = node.compile() as Compiled;
  return probe.points.every((point, index) => {
    const value = evaluateReal(code, point);
    const expected = probe.values[index]!;
    return value !== undefined && Math.abs(value - expected) <= 1e-7 * Math.max(1, Math.abs(value), Math.abs(expected));
  });
}

const letterRun = /\p{L}/u;
const knownWords = new Set(['sin', 'cos', 'tan', 'sec', 'csc', 'cot', 'asin', 'acos', 'atan', 'arcsin', 'arccos', 'arctan', 'sinh', 'cosh', 'tanh', 'exp', 'log', 'ln', 'sqrt', 'abs', 'pi', 'e', 'frac', 'dfrac', 'tfrac', 'cdot', 'times', 'div', 'left', 'right', 'mathrm', 'text', 'operatorname', 'displaystyle', 'quad', 'qquad']);

/** False when the span names something other than the key's variables, functions and constants ("p_1", "\\partial f"): it cannot parse as an answer, so parsing it is wasted work. */
function onlyKnownLetters(span: string, names: string[]): boolean {
  for (const match of span.matchAll(/\\?[A-Za-z]+/g)) {
    const word = match[0].replace(/^\\/, '');
    if (knownWords.has(word) || names.includes(word)) continue;
    if (![...word].every((letter) => names.includes(letter) || letter === 'e')) return false;
  }
  return true;
}

function equivalentSpan(text: string, keyNode: MathNode, key: ExpressionGuardKey, names: string[], probe: Probe): string | undefined {
  const used = usedVariables(keyNode, names);
  for (const span of findMathSpans(text, names)) {
    // an equivalent expression names every variable the key depends on: "3" or "e^x" cannot equal 2x cos(x^2)
    if (used.length > 0 && (!letterRun.test(span) || !used.every((name) => span.includes(name)))) continue;
    if (!onlyKnownLetters(span, names)) continue;
    const parsed = parseExpression(readable(span), names);
    if ('problem' in parsed) continue;
    if (!passesProbe(parsed.node, probe)) continue;
    if (compareExpressions(parsed.node, keyNode, key.variables) === 'equivalent') return span;
  }
  return undefined;
}

/** A detector for one expression key and context; call it on each sentence. */
export function expressionLeakDetector(key: ExpressionGuardKey, context?: LeakContext, memo?: KnownPieces): (sentence: string) => LeakVerdict {
  const names = Object.keys(key.variables);
  const keyParsed = parseExpression(key.answer, names);
  if ('problem' in keyParsed) return () => ({ leak: false, evidence: `the key "${key.answer}" does not parse, so it cannot be guarded: ${describeProblem(keyParsed.problem)}` });
  const keyNode = keyParsed.node;
  if (names.length === 0) {
    // a constant expression such as "1/2" is guarded as the number it is
    const value = Number(keyNode.evaluate());
    if (Number.isFinite(value)) return numericLeakDetector({ answer: value, tolerance: { relative: 1e-7 } }, context, memo);
  }
  // The learner wrote or saw the answer when the context holds an equivalent expression that is no
  // more complex than the key; the unsimplified expression of a "simplify" problem does not count.
  const size = nodeCount(keyNode) + 2;
  const probe = probeKey(keyNode, key, names);
  const states = (piece: string) => {
    const whole = parseExpression(readable(piece), names);
    if (!('problem' in whole) && nodeCount(whole.node) <= size && compareExpressions(whole.node, keyNode, key.variables) === 'equivalent') return true;
    const span = equivalentSpan(piece, keyNode, key, names, probe);
    if (span === undefined) return false;
    const parsed = parseExpression(readable(span), names);
    return !('problem' in parsed) && nodeCount(parsed.node) <= size;
  };
  const known = contextPieces(context).some((piece) => (memo ? memo.remember({ expression: key }, piece, () => states(piece)) : states(piece)));
  if (known) return () => noLeak;
  return (sentence) => {
    const span = equivalentSpan(sentence, keyNode, key, names, probe);
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

function usedVariables(node: MathNode, names: string[]): string[] {
  const used = new Set<string>();
  node.traverse((child, path, parent) => {
    if (child.type !== 'SymbolNode' || (parent?.type === 'FunctionNode' && path === 'fn')) return;
    const name = (child as unknown as { name: string }).name;
    if (names.includes(name)) used.add(name);
  });
  return [...used];
}
