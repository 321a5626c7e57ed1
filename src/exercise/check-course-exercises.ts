// Everything about a course's exercises that `primer course check` reports: templates over 1,000
// seeds, keys that do not parse, mistakes the checker would accept as right, teacher patterns that
// are not regular expressions, and (with a sandbox) code solutions that fail their own tests.
import type { CourseBundle, Diagnostic, ExerciseKey, PublicExercise } from '../course/index.js';
import { describeProblem } from './answer-problem.js';
import { checkAnswer } from './check-answer.js';
import { checkCode } from './check-code.js';
import { compilePattern } from './check-text.js';
import { checkTemplates } from './check-templates.js';
import { parseExpression } from './parse-expression.js';
import { math } from './math.js';
import { parseNumber } from './parse-number.js';
import { drawVariables, substituteVariables } from './render-variant.js';
import type { Sandbox } from './sandbox/sandbox.js';

export interface CheckCourseExercisesOptions {
  seeds?: number; // template seeds to render (default 1000)
  sandbox?: Sandbox; // without it, code solutions are not run (e.g. `primer course check --skip-code`)
}

/** Checks every exercise of a compiled course; one broken exercise never hides the others. */
export async function checkCourseExercises(bundle: CourseBundle, options: CheckCourseExercisesOptions = {}): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  for (const exercise of bundle.public.exercises) {
    const key = bundle.keys.exercises[exercise.id];
    const at = (message: string, hint: string, severity: Diagnostic['severity'] = 'error') =>
      diagnostics.push({ path: exercise.file, line: exercise.line, column: 1, severity, message: `exercise ${exercise.id}: ${message}`, hint });
    if (!key) {
      at('has no key in the compiled course', 'recompile the course');
      continue;
    }
    try {
      await checkExercise(exercise, key, options, at);
    } catch (error) {
      at(`cannot be checked: ${(error as Error).message}`, 'fix the key so a learner can be judged');
    }
  }
  return diagnostics;
}

type Report = (message: string, hint: string, severity?: Diagnostic['severity']) => void;

async function checkExercise(exercise: PublicExercise, key: ExerciseKey, options: CheckCourseExercisesOptions, report: Report): Promise<void> {
  if (key.type === 'expression' && key.answer && !key.template) {
    const parsed = parseExpression(key.answer, Object.keys(key.variables));
    if ('problem' in parsed) {
      report(`the answer "${key.answer}" does not parse: ${describeProblem(parsed.problem)}`, 'write the answer as a math.js expression over the declared variables, e.g. `2*x*cos(x^2)`');
      return;
    }
  }
  if (key.type === 'numeric' && key.unit && 'problem' in parseNumber(`1 ${key.unit}`)) {
    report(`"${key.unit}" is not a unit Primer knows`, 'use a math.js unit such as `m/s`, `kg`, `km/h` or `degC`');
  }
  if (key.type === 'text') {
    for (const pattern of key.patterns) {
      if (!compilePattern(pattern, key.caseSensitive)) report(`the pattern /${pattern}/ is not a valid regular expression`, 'use JavaScript regular-expression syntax');
    }
  }
  if ((key.type === 'numeric' || key.type === 'expression') && key.template) {
    for (const problem of checkTemplates(exercise, key, { seeds: options.seeds ?? 1000 })) {
      const times = problem.count > 1 ? ` (seed ${problem.seed} and ${problem.count - 1} more)` : ` (seed ${problem.seed})`;
      report(`${problem.message}${times}`, problem.hint);
    }
    // "Try another one like this" needs another variant to give: a template that can hardly draw one is a fixed exercise.
    const template = key.template;
    const variants = new Set(Array.from({ length: 200 }, (_, seed) => JSON.stringify(drawVariables(template, seed).variables))).size;
    if (variants < 3) {
      report(`the template draws ${variants === 1 ? 'the same numbers every time' : 'only 2 different variants'} (200 seeds): a learner who asks for another one like it gets ${variants === 1 ? 'the same exercise' : 'the same two again and again'}`, 'widen the variable ranges, add choices or relax the constraints', 'warning');
    }
  }
  await checkMistakes(exercise, key, report);
  if (key.type === 'code' && options.sandbox) {
    const verdict = await checkCode(options.sandbox, key, key.solution);
    if (verdict.verdict !== 'correct') {
      const failed = (verdict.tests ?? []).filter((test) => !test.passed).map((test) => `"${test.name}"`);
      report(`the solution fails its own tests${failed.length > 0 ? ` ${failed.join(', ')}` : ''}${verdict.message ? `: ${verdict.message}` : ''}`, 'fix the solution or the tests; `primer course check` runs every test against the solution');
    }
  }
}

/** A mistake that the checker judges correct would tell a right learner they are wrong (or never be recognised). */
async function checkMistakes(exercise: PublicExercise, key: ExerciseKey, report: Report): Promise<void> {
  if (key.type === 'code' || key.type === 'free-response') return;
  const template = 'template' in key && key.template;
  const seeds = template ? Array.from({ length: 20 }, (_, seed) => seed) : [0];
  for (const mistake of key.mistakes) {
    const answer = Array.isArray(mistake.answer) ? mistake.answer : String(mistake.answer);
    let judgedCorrect = 0;
    let unreadable: string | undefined;
    for (const seed of seeds) {
      const written = typeof answer === 'string' && template ? renderedMistake(key, answer, seed) : answer;
      if (written === undefined) {
        unreadable = 'it cannot be evaluated with the variables';
        break;
      }
      const verdict = await checkAnswer({ exercise, key, answer: written, seed });
      if (verdict.verdict === 'correct') judgedCorrect++;
      if (verdict.verdict === 'unparseable') {
        unreadable = verdict.message ?? 'unreadable';
        break;
      }
    }
    const label = `the mistake "${String(mistake.answer)}" (${mistake.misconception})`;
    if (unreadable) report(`${label} is not an answer the checker can read: ${unreadable}`, 'write the mistake the way a learner would answer', 'error');
    else if (judgedCorrect === seeds.length) report(`${label} is judged correct`, 'a mistake must be a wrong answer; change it or the key');
    else if (judgedCorrect > 0) report(`${label} equals the right answer in ${judgedCorrect} of ${seeds.length} variants, where it cannot be recognised`, 'add a constraint that keeps the mistake apart from the answer', 'warning');
  }
}

/** For templates, a mistake is an expression over the variables; learners would type its value. */
function renderedMistake(key: ExerciseKey, answer: string, seed: number): string | undefined {
  if (!('template' in key) || !key.template) return answer;
  const { variables } = drawVariables(key.template, seed);
  try {
    if (key.type === 'numeric') return String(math.evaluate(answer, { ...variables }));
    return substituteVariables(answer, variables);
  } catch {
    return undefined;
  }
}
