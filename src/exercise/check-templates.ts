// Teacher diagnostics for parameterized exercises: render many seeds and report every kind of
// variant that cannot be given to a learner.
import type { ExerciseKey, PublicExercise } from '../course/index.js';
import { checkExpression } from './check-expression.js';
import { checkNumeric } from './check-numeric.js';
import { drawVariables, formatValue, variantAnswer, type VariableValue } from './render-variant.js';

export interface TemplateProblem {
  seed: number; // the first seed that shows the problem
  count: number; // how many of the seeds show it
  variables: Record<string, VariableValue>;
  message: string;
  hint: string;
}

/**
 * Renders seeds 0…n-1 and groups the problems: a solution that throws, a NaN or infinite answer,
 * constraints no draw meets, or an answer its own checker rejects.
 */
export function checkTemplates(exercise: PublicExercise, key: ExerciseKey, options: { seeds?: number } = {}): TemplateProblem[] {
  const template = 'template' in key ? key.template : undefined;
  if (!template || (key.type !== 'numeric' && key.type !== 'expression')) return [];
  const problems = new Map<string, TemplateProblem>();
  // problems of one kind are reported once, with the first seed that shows them and how often they occur
  const report = (seed: number, variables: Record<string, VariableValue>, message: string, hint: string) => {
    const kind = message.replace(/ with .*$/, '');
    const found = problems.get(kind);
    if (found) found.count++;
    else problems.set(kind, { seed, count: 1, variables, message, hint });
  };
  for (let seed = 0; seed < (options.seeds ?? 1000); seed++) {
    const drawn = drawVariables(template, seed);
    const values = describeVariables(drawn.variables);
    if (drawn.constraintError) {
      report(seed, drawn.variables, `a constraint cannot be evaluated with ${values}: ${drawn.constraintError}`, 'write constraints as math.js conditions over the variables, e.g. `a != b`');
      continue;
    }
    if (!drawn.constraintsMet) {
      report(seed, drawn.variables, 'no draw of the variables met every constraint in 100 tries', 'widen the variable ranges or relax the constraints');
      continue;
    }
    let answer: number | string;
    try {
      answer = variantAnswer(key, template, drawn.variables);
    } catch (error) {
      report(seed, drawn.variables, `the solution fails with ${values}: ${(error as Error).message}`, 'fix the solution or add a constraint that rules these values out');
      continue;
    }
    if (typeof answer === 'number') {
      if (!Number.isFinite(answer)) {
        report(seed, drawn.variables, `the solution gives ${String(answer)} with ${values}`, 'add a constraint that rules these values out, e.g. `b != 0`');
        continue;
      }
      if (key.type === 'numeric' && checkNumeric({ answer, tolerance: key.tolerance, unit: key.unit }, String(answer)).verdict !== 'correct') {
        report(seed, drawn.variables, `the variant's own answer is not accepted by its checker with ${values}: ${String(answer)}`, 'check the tolerance and unit');
      }
      continue;
    }
    if (key.type === 'expression') {
      let verdict;
      try {
        verdict = checkExpression({ answer, variables: key.variables, form: 'any' }, answer);
      } catch (error) {
        report(seed, drawn.variables, `the variant's answer does not parse with ${values}: "${answer}": ${(error as Error).message}`, 'make the solution produce a math.js expression over the exercise variables');
        continue;
      }
      if (verdict.verdict !== 'correct') {
        report(seed, drawn.variables, `the variant's answer is not accepted by its own checker with ${values}: "${answer}"${verdict.message ? ` (${verdict.message})` : ''}`, 'check that the answer is a finite real number over the variable domains');
      }
    }
  }
  return [...problems.values()];
}

function describeVariables(variables: Record<string, VariableValue>): string {
  const entries = Object.entries(variables);
  return entries.length === 0 ? 'no variables' : entries.map(([name, value]) => `${name} = ${formatValue(value)}`).join(', ');
}
