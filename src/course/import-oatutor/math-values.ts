// Evaluating translated answers with math.js: free variables, finite real values, and the
// interval over which an expression's variables can be drawn without leaving its domain.
import { parse, type MathNode } from 'mathjs';

const constants = new Set(['e', 'pi', 'E', 'PI', 'Infinity', 'NaN', 'i', 'tau', 'phi']);

/** Names an expression reads that are not functions or constants, e.g. `x` and `y` in `log(x*y, 10)`. */
export function freeSymbols(expression: string): string[] {
  const names = new Set<string>();
  parse(expression).traverse((node: MathNode, path: string, parent: MathNode | null) => {
    if (node.type !== 'SymbolNode') return;
    if (parent?.type === 'FunctionNode' && path === 'fn') return;
    const name = (node as unknown as { name: string }).name;
    if (!constants.has(name)) names.add(name);
  });
  return [...names].sort();
}

/** The value of `expression` for `scope`, or undefined when it is not a finite real number. */
export function evaluateReal(expression: string, scope: Record<string, number | string> = {}): number | undefined {
  try {
    const value: unknown = parse(expression).evaluate({ ...scope });
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

const candidateDomains: [number, number][] = [[-3, 3], [0.5, 3], [1.5, 4], [3, 6], [10, 20]];

/**
 * The first interval on which the expression is real and finite at every sample point; the
 * points are spread deterministically (a golden-ratio sequence) so two runs agree.
 */
export function chooseDomain(expression: string, variables: readonly string[]): [number, number] | undefined {
  const compiled = (() => {
    try {
      return parse(expression).compile();
    } catch {
      return undefined;
    }
  })();
  if (!compiled) return undefined;
  return candidateDomains.find(([min, max]) => {
    for (let k = 0; k < 24; k += 1) {
      const scope: Record<string, number> = {};
      variables.forEach((name, j) => {
        const t = (0.5 + k * 0.6180339887 + j * 0.4142135623) % 1;
        scope[name] = min + (max - min) * t;
      });
      try {
        const value: unknown = compiled.evaluate(scope);
        if (typeof value !== 'number' || !Number.isFinite(value)) return false;
      } catch {
        return false;
      }
    }
    return true;
  });
}
