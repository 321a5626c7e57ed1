// Parameterized exercises: a seed picks the variables (deterministically), the teacher's math.js
// solution computes the variant's answer, and `{{name}}` in the prompt shows the values.
import type { ExerciseKey, PublicExercise, Template } from '../course/index.js';
import { math } from './math.js';
import { seededRandom, variantSeed } from './seeded-random.js';

export type VariableValue = number | string;

export interface Variant {
  prompt: string;
  variables: Record<string, VariableValue>;
  answer: number | string; // a number for numeric exercises, an expression for expression exercises
}

export interface DrawnVariables {
  variables: Record<string, VariableValue>;
  constraintsMet: boolean;
  constraintError?: string;
}

const maxDraws = 100;

// Constraints and solutions are compiled once: checkTemplates evaluates them thousands of times.
const compiled = new Map<string, { evaluate: (scope: Record<string, unknown>) => unknown }>();
function evaluate(code: string, scope: Record<string, unknown>): unknown {
  let entry = compiled.get(code);
  if (!entry) {
    entry = math.compile(code);
    if (compiled.size > 5000) compiled.clear();
    compiled.set(code, entry);
  }
  return entry.evaluate(scope);
}

/** Draws template variables from `seed`, redrawing (up to 100 times) until every constraint holds. */
export function drawVariables(template: Template, seed: number): DrawnVariables {
  const random = seededRandom(seed);
  let variables: Record<string, VariableValue> = {};
  for (let draw = 0; draw < maxDraws; draw++) {
    variables = {};
    for (const [name, spec] of Object.entries(template.variables)) {
      if ('choices' in spec) variables[name] = spec.choices[Math.floor(random() * spec.choices.length)] ?? spec.choices[0] ?? 0;
      else {
        const steps = Math.floor((spec.max - spec.min) / spec.step + 1e-9);
        variables[name] = Number((spec.min + spec.step * Math.floor(random() * (steps + 1))).toPrecision(12));
      }
    }
    try {
      if (template.constraints.every((constraint) => Boolean(evaluate(constraint, { ...variables })))) return { variables, constraintsMet: true };
    } catch (error) {
      return { variables, constraintsMet: false, constraintError: (error as Error).message };
    }
  }
  return { variables, constraintsMet: false };
}

const maxRedraws = 20;

/**
 * The seed of one learner's `variant` of a template exercise. Each variant's numbers differ from the
 * variant before (the learner answered it right and asked for another one) whenever the template has
 * more than one: a variant that repeats them is redrawn. Walks the variants from 0, so the same
 * variant always gets the same seed.
 * @example renderVariant(exercise, key, learnerVariantSeed(template, learnerId, exercise.id, 3))
 */
export function learnerVariantSeed(template: Template, learnerId: string, exerciseId: string, variant: number): number {
  let seed = variantSeed(learnerId, exerciseId, 0);
  let previous = JSON.stringify(drawVariables(template, seed).variables);
  for (let next = 1; next <= variant; next++) {
    for (let redraw = 0; redraw < maxRedraws; redraw++) {
      seed = variantSeed(learnerId, exerciseId, next, redraw);
      const drawn = JSON.stringify(drawVariables(template, seed).variables);
      if (drawn === previous) continue;
      previous = drawn;
      break;
    }
  }
  return seed;
}

/** Runs the teacher's solution; the value of its last line is the answer. Throws what the solution throws. */
export function runSolution(template: Template, variables: Record<string, VariableValue>): unknown {
  const result: unknown = evaluate(template.solution, { ...variables });
  const entries = (result as { entries?: unknown[] } | null)?.entries;
  const last = Array.isArray(entries) ? entries[entries.length - 1] : result;
  if (math.isFraction(last) || math.isBigNumber(last)) return math.number(last as never);
  return last;
}

/** Replaces template variables in an expression (e.g. a key like `a*x^2`) by their values. */
export function substituteVariables(expression: string, variables: Record<string, VariableValue>): string {
  return math
    .parse(expression)
    .transform((node) => {
      if (node.type !== 'SymbolNode') return node;
      const value = variables[(node as unknown as { name: string }).name];
      if (value === undefined) return node;
      const constant = typeof value === 'number' ? new math.ConstantNode(value) : math.parse(String(value));
      return new math.ParenthesisNode(constant);
    })
    .toString();
}

/** Shows a variable value in a prompt: numbers without floating-point noise. */
export function formatValue(value: VariableValue): string {
  return typeof value === 'number' ? math.format(value, { precision: 12 }) : value;
}

/** Fills `{{name}}` placeholders. */
export function fillPrompt(prompt: string, variables: Record<string, VariableValue>): string {
  return prompt.replace(/\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g, (whole, name: string) => (name in variables ? formatValue(variables[name] as VariableValue) : whole));
}

/** The variant's answer from the solution (and, for an expression key written over the variables, the key). */
export function variantAnswer(key: ExerciseKey, template: Template, variables: Record<string, VariableValue>): number | string {
  if (key.type === 'expression' && key.answer) return substituteVariables(key.answer, variables);
  const value = runSolution(template, variables);
  if (key.type === 'expression') return typeof value === 'string' ? value : String(value);
  if (typeof value === 'number') return value;
  if (math.isUnit(value) && key.type === 'numeric' && key.unit) return (value as { toNumber: (unit: string) => number }).toNumber(key.unit);
  throw new Error(`the solution gave ${math.typeOf(value)} "${String(value)}", not a number`);
}

/**
 * The variant of a template exercise for `seed`: same seed, same variant.
 * @example renderVariant(exercise, key, learnerVariantSeed(key.template, learnerId, exercise.id, variant))
 */
export function renderVariant(exercise: PublicExercise, key: ExerciseKey, seed: number): Variant {
  const template = 'template' in key ? key.template : undefined;
  if (!template) throw new Error(`exercise ${exercise.id} is not a template`);
  const { variables } = drawVariables(template, seed);
  return { prompt: fillPrompt(exercise.prompt, variables), variables, answer: variantAnswer(key, template, variables) };
}
