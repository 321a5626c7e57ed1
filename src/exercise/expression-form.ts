// Heuristic form tests for expression answers: simplified, factored, expanded. Each compares the learner's
// expression with the key's, which the teacher wrote in the requested form.
import type { MathNode } from 'mathjs';

export type ExpressionForm = 'any' | 'simplified' | 'factored' | 'expanded';

/** True when `answer` (already known to be equivalent to `key`) is written in `form`. */
export function hasForm(answer: MathNode, key: MathNode, form: ExpressionForm): boolean {
  switch (form) {
    case 'any':
      return true;
    case 'expanded':
      return isExpanded(answer);
    case 'factored':
      return additiveTerms(answer) <= additiveTerms(key) && factorCount(answer) >= factorCount(key);
    case 'simplified':
      return nodeCount(answer) <= nodeCount(key) && symbolUsesWithin(answer, key);
  }
}

function unwrap(node: MathNode): MathNode {
  let current = node;
  while (current.type === 'ParenthesisNode') current = (current as unknown as { content: MathNode }).content;
  return current;
}

function operator(node: MathNode): { op: string; args: MathNode[] } | undefined {
  const inner = unwrap(node);
  return inner.type === 'OperatorNode' ? (inner as unknown as { op: string; args: MathNode[] }) : undefined;
}

function isSum(node: MathNode): boolean {
  const found = operator(node);
  return !!found && (found.op === '+' || found.op === '-') && found.args.length === 2;
}

function isExpanded(node: MathNode): boolean {
  let expanded = true;
  node.traverse((child) => {
    const found = child.type === 'OperatorNode' ? (child as unknown as { op: string; args: MathNode[] }) : undefined;
    if (!found) return;
    const checked = found.op === '*' ? found.args : found.op === '^' || found.op === '/' ? found.args.slice(0, 1) : found.op === '-' && found.args.length === 1 ? found.args : [];
    if (checked.some(isSum)) expanded = false;
  });
  return expanded;
}

/** Number of terms at the top level: `x^2 - 1` has 2, `(x-1)(x+1)` has 1. */
function additiveTerms(node: MathNode): number {
  const found = operator(node);
  if (!found) return 1;
  if ((found.op === '+' || found.op === '-') && found.args.length === 2) return found.args.reduce((sum, arg) => sum + additiveTerms(arg), 0);
  if (found.op === '-' && found.args.length === 1 && found.args[0]) return additiveTerms(found.args[0]);
  return 1;
}

/** Number of non-constant factors at the top level: `2x(x+1)` has 2. */
function factorCount(node: MathNode): number {
  const found = operator(node);
  const inner = unwrap(node);
  if (inner.type === 'ConstantNode') return 0;
  if (!found) return 1;
  if (found.op === '*') return found.args.reduce((sum, arg) => sum + factorCount(arg), 0);
  if (found.op === '-' && found.args.length === 1 && found.args[0]) return factorCount(found.args[0]);
  return 1;
}

function nodeCount(node: MathNode): number {
  let count = 0;
  node.traverse((child) => {
    if (child.type !== 'ParenthesisNode') count++;
  });
  return count;
}

function symbolUses(node: MathNode): Map<string, number> {
  const uses = new Map<string, number>();
  node.traverse((child, path, parent) => {
    if (child.type !== 'SymbolNode' || (parent?.type === 'FunctionNode' && path === 'fn')) return;
    const name = (child as unknown as { name: string }).name;
    uses.set(name, (uses.get(name) ?? 0) + 1);
  });
  return uses;
}

function symbolUsesWithin(answer: MathNode, key: MathNode): boolean {
  const keyUses = symbolUses(key);
  return [...symbolUses(answer)].every(([name, count]) => count <= (keyUses.get(name) ?? 0));
}
