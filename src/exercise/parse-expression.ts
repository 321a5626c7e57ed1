// Reads an expression answer: plain math (implicit multiplication, ^ or **, common functions) or LaTeX.
import type { MathNode } from 'mathjs';
import { latexToMathjs, looksLikeLatex } from './latex-to-mathjs.js';
import { asciiForms, constants, math, normaliseMathInput, stripAnswerName, symbolNames, unsafeNodeProblem, variableCallsToProducts } from './math.js';

export type ParsedExpression = { node: MathNode } | { error: string };

/**
 * Parses `input` as an expression over `variables`; `{ error }` says what form was expected.
 * @example parseExpression('2x\\cdot\\cos(x^2)', ['x'])
 */
export function parseExpression(input: string, variables: string[]): ParsedExpression {
  let text = asciiForms(input).trim();
  const expected = `expected an expression in ${variables.length > 0 ? variables.join(', ') : 'numbers'}, such as ${example(variables)}`;
  if (text === '') return { error: `the answer is empty; ${expected}` };
  if (text.length > 500) return { error: 'the answer is too long for an expression' };
  if (looksLikeLatex(text)) {
    try {
      text = latexToMathjs(text);
    } catch (error) {
      return { error: `could not read the LaTeX (${(error as Error).message}); ${expected}` };
    }
  }
  text = stripAnswerName(normaliseMathInput(text));
  let node: MathNode;
  try {
    node = variableCallsToProducts(math.parse(text), new Set([...variables, ...constants]));
  } catch {
    return { error: expected };
  }
  const problem = unsafeNodeProblem(node);
  if (problem) return { error: `${problem}; ${expected}` };
  node = splitRunTogetherVariables(node, variables);
  const known = new Set([...variables, ...constants]);
  const unknown = symbolNames(node).filter((name) => !known.has(name));
  if (unknown.length > 0) {
    return { error: `"${unknown[0]}" is not a variable of this exercise; ${variables.length > 0 ? `use ${variables.join(', ')}` : 'the answer has no variables'}` };
  }
  return { node };
}

/** Turns `xy` into `x*y` when x and y are both variables and `xy` is not. */
function splitRunTogetherVariables(node: MathNode, variables: string[]): MathNode {
  const single = new Set(variables.filter((name) => name.length === 1));
  if (single.size === 0) return node;
  return node.transform((child, path, parent) => {
    if (child.type !== 'SymbolNode' || (parent?.type === 'FunctionNode' && path === 'fn')) return child;
    const name = (child as unknown as { name: string }).name;
    if (variables.includes(name) || constants.has(name) || name.length < 2 || ![...name].every((letter) => single.has(letter))) return child;
    return [...name].map((letter) => new math.SymbolNode(letter) as MathNode).reduce((product, factor) => new math.OperatorNode('*', 'multiply', [product, factor], true) as MathNode);
  });
}

function example(variables: string[]): string {
  const name = variables[0];
  return name ? `2*${name}^2 + 1` : '3/4';
}
