// Reads an expression answer: plain math (implicit multiplication, ^ or **, common functions) or LaTeX.
import type { MathNode } from 'mathjs';
import { expecting, type AnswerProblem } from './answer-problem.js';
import { latexToMathjs, looksLikeLatex } from './latex-to-mathjs.js';
import { asciiForms, constants, math, normaliseMathInput, stripAnswerName, symbolNames, unsafeNodeProblem, variableCallsToProducts } from './math.js';

export type ParsedExpression = { node: MathNode } | { problem: AnswerProblem };

/**
 * Parses `input` as an expression over `variables`; `{ problem }` says what kept it from being read, and what form was expected.
 * @example parseExpression('2x\\cdot\\cos(x^2)', ['x'])
 */
export function parseExpression(input: string, variables: string[]): ParsedExpression {
  let text = asciiForms(input).trim();
  const failed = (problem: AnswerProblem) => ({
    problem: variables.length > 0 ? expecting(problem, 'expression', { variables: variables.join(', '), example: example(variables) }) : expecting(problem, 'expression-without-variables', { example: example(variables) }),
  });
  if (text === '') return failed({ code: 'empty' });
  if (text.length > 500) return failed({ code: 'too-long' });
  if (looksLikeLatex(text)) {
    try {
      text = latexToMathjs(text);
    } catch (error) {
      return failed({ code: 'latex', values: { detail: (error as Error).message } });
    }
  }
  text = stripAnswerName(normaliseMathInput(text));
  let node: MathNode;
  try {
    node = variableCallsToProducts(math.parse(text), new Set([...variables, ...constants]));
  } catch {
    return failed({ code: 'not-understood' });
  }
  const problem = unsafeNodeProblem(node);
  if (problem) return failed(problem);
  node = splitRunTogetherVariables(node, variables);
  const known = new Set([...variables, ...constants]);
  const unknown = symbolNames(node).filter((name) => !known.has(name));
  if (unknown[0] !== undefined) return failed({ code: 'unknown-variable', values: { name: unknown[0] } });
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
