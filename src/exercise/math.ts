// The one math.js instance the checkers share, and helpers to parse learner input safely.
import { all, create, type MathNode } from 'mathjs';
import type { AnswerProblem } from './answer-problem.js';

export const math = create(all ?? {});

/** Functions a learner may use in an answer; anything else is reported as unknown. */
export const allowedFunctions = new Set([
  'sin', 'cos', 'tan', 'sec', 'csc', 'cot', 'asin', 'acos', 'atan', 'atan2', 'sinh', 'cosh', 'tanh',
  'exp', 'log', 'ln', 'log10', 'log2', 'sqrt', 'cbrt', 'nthRoot', 'abs', 'floor', 'ceil', 'round',
]);

const allowedOperators = new Set(['+', '-', '*', '/', '^']);

/** Constants a learner may use without declaring them. */
export const constants = new Set(['pi', 'e', 'tau', 'phi']);

// Evaluation scope entries every expression gets: `ln` is the natural log, as learners write it.
export const builtinScope: Record<string, unknown> = { ln: (value: number) => Math.log(value) };

/**
 * Writes numbers the way math.js reads them, whatever keyboard typed them: full-width forms from
 * Chinese and Japanese input methods (４．５, （２）, ｘ＋１), digits of other scripts (Arabic-Indic ٤٫٥,
 * Persian ۴, Devanagari ४), and the Arabic decimal and thousands signs.
 * @example asciiForms('٣٫٥') // '3.5'
 */
export function asciiForms(input: string): string {
  return input
    .replace(/[\uff01-\uff5e]/g, (character) => String.fromCharCode(character.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/\u066b/g, '.')
    .replace(/\u066c/g, ',')
    .replace(/(?![0-9])\p{Nd}/gu, (digit) => String(digitValue(digit.codePointAt(0)!)));
}

/** A decimal digit's value: Unicode puts each script's digits in a run of ten, zero first. */
function digitValue(codePoint: number): number {
  let start = codePoint;
  while (/\p{Nd}/u.test(String.fromCodePoint(start - 1))) start--;
  return (codePoint - start) % 10;
}

const superscripts: Record<string, string> = { '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9', '⁺': '+', '⁻': '-' };
const vulgarFractions: Record<string, string> = { '½': '1/2', '⅓': '1/3', '⅔': '2/3', '¼': '1/4', '¾': '3/4', '⅕': '1/5', '⅖': '2/5', '⅗': '3/5', '⅘': '4/5', '⅙': '1/6', '⅚': '5/6', '⅛': '1/8', '⅜': '3/8', '⅝': '5/8', '⅞': '7/8' };

/** Rewrites habits math.js does not know: `**` for powers, `x²` and `x⁻¹`, `2½`, `sin x` for `sin(x)`, `log_2(x)`, unicode signs. */
export function normaliseMathInput(input: string): string {
  const text = input
    .replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻]+/g, (power) => {
      const exponent = [...power].map((sign) => superscripts[sign]).join('');
      return /^\d+$/.test(exponent) ? `^${exponent}` : `^(${exponent})`;
    })
    .replace(/(\d+)\s*([½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞])/g, (_, whole: string, fraction: string) => `(${whole}+${vulgarFractions[fraction]})`) // 2½ is two and a half
    .replace(/[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞]/g, (fraction) => `(${vulgarFractions[fraction]})`)
    .replace(/\*\*/g, '^')
    .replace(/[−–]/g, '-')
    .replace(/[×·⋅]/g, '*')
    .replace(/÷/g, '/')
    .replace(/π/g, 'pi')
    .replace(/√\s*\(/g, 'sqrt(')
    .replace(/√\s*([A-Za-z0-9.]+)/g, 'sqrt($1)')
    .replace(/\b(sin|cos|tan|sec|csc|cot|asin|acos|atan|sinh|cosh|tanh|ln|log|exp|sqrt|abs)\s+([A-Za-z0-9.]+)\b/g, '$1($2)');
  return rewriteLogBase(text);
}

/** `log_2(x)` (from `\log_{2}`) becomes math.js `log(x, 2)`. */
function rewriteLogBase(text: string): string {
  let result = text;
  for (let guard = 0; guard < 20; guard++) {
    const found = /\blog_([A-Za-z0-9.]+)\s*\(/.exec(result);
    if (!found) break;
    const open = found.index + found[0].length - 1;
    let depth = 0;
    let close = -1;
    for (let index = open; index < result.length; index++) {
      if (result[index] === '(') depth++;
      else if (result[index] === ')' && --depth === 0) {
        close = index;
        break;
      }
    }
    if (close < 0) break;
    result = `${result.slice(0, found.index)}log(${result.slice(open + 1, close)}, ${found[1]})${result.slice(close + 1)}`;
  }
  return result.replace(/\blog_([A-Za-z0-9.]+)\s+([A-Za-z0-9.]+)/g, 'log($2, $1)');
}

/** Reads `x(x+1)` as a product when `x` is a variable or constant, not a function. */
export function variableCallsToProducts(node: MathNode, names: Set<string>): MathNode {
  return node.transform((child) => {
    if (child.type !== 'FunctionNode') return child;
    const { fn, args } = child as unknown as { fn: MathNode; args: MathNode[] };
    const name = fn.type === 'SymbolNode' ? (fn as unknown as { name: string }).name : '';
    if (!names.has(name) || args.length !== 1 || !args[0]) return child;
    return new math.OperatorNode('*', 'multiply', [new math.SymbolNode(name), new math.ParenthesisNode(variableCallsToProducts(args[0], names))], true) as MathNode;
  });
}

/** Drops a leading `y =` or `f(x) =` that names the quantity asked for: "y = 2x + 1" answers as "2x + 1". */
export function stripAnswerName(input: string): string {
  const found = /^\s*[A-Za-z][A-Za-z0-9_]*(?:\s*\([^()=]*\))?\s*=(?!=)(.+)$/s.exec(input);
  return found?.[1] !== undefined && !found[1].includes('=') ? found[1] : input;
}

/** Names of the symbols (variables, units, constants) an expression uses, functions excluded. */
export function symbolNames(node: MathNode): string[] {
  const names = new Set<string>();
  node.traverse((child, path, parent) => {
    if (child.type !== 'SymbolNode') return;
    if (parent?.type === 'FunctionNode' && path === 'fn') return;
    names.add((child as unknown as { name: string }).name);
  });
  return [...names];
}

/** Returns a problem when a parsed answer uses anything but plain arithmetic and allowed functions. */
export function unsafeNodeProblem(node: MathNode): AnswerProblem | undefined {
  let problem: AnswerProblem | undefined;
  node.traverse((child) => {
    if (problem) return;
    switch (child.type) {
      case 'ConstantNode':
      case 'SymbolNode':
      case 'ParenthesisNode':
        return;
      case 'OperatorNode': {
        const op = (child as unknown as { op: string }).op;
        if (!allowedOperators.has(op)) problem = { code: 'operator-not-allowed', values: { operator: op } };
        return;
      }
      case 'FunctionNode': {
        const fn = (child as unknown as { fn: MathNode }).fn;
        const name = fn.type === 'SymbolNode' ? (fn as unknown as { name: string }).name : '';
        if (!allowedFunctions.has(name)) problem = { code: 'unknown-function', values: { name: name || fn.toString() } };
        return;
      }
      default:
        problem = { code: 'not-allowed', values: { text: child.toString() } };
    }
  });
  return problem;
}
