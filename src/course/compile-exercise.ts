// Compiles one exercise as written into its learner-visible part and its key, with every
// problem a teacher should fix reported at its place in the file.
import type { ExerciseKey, PublicExercise, PublicHint } from './bundle.js';
import type { Diagnostic, Position } from './diagnostic.js';
import type { MarkdownContext } from './markdown.js';
import { checkMarkdownFields } from './markdown.js';
import type { YamlPath } from './parse-yaml.js';
import type { Exercise } from './schema.js';

export interface ExerciseSource {
  exercise: Exercise;
  file: string;
  line: number; // where the exercise starts
  lesson?: string;
  locate: (path: YamlPath) => Position; // position of a field of this exercise
}

export interface CompiledExercise {
  public: PublicExercise;
  key: ExerciseKey;
  diagnostics: Diagnostic[];
}

type Links = Omit<MarkdownContext, 'place' | 'path'>;

/** `skillIds` is undefined when course.yaml did not parse: skills are then not checked, to avoid false alarms. */
export function compileExercise(source: ExerciseSource, skillIds: ReadonlySet<string> | undefined, links: Links): CompiledExercise {
  const compiled = compileParts(source, skillIds);
  const markdownProblems = checkMarkdownFields(compiled.markdownFields, { ...links, path: source.file });
  return { public: compiled.public, key: compiled.key, diagnostics: [...compiled.diagnostics, ...markdownProblems] };
}

function compileParts(source: ExerciseSource, skillIds: ReadonlySet<string> | undefined): CompiledExercise & { markdownFields: { text: string; at: Position }[] } {
  const { exercise, file, locate } = source;
  const diagnostics: Diagnostic[] = [];
  const report = (path: YamlPath, message: string, hint: string, severity: Diagnostic['severity'] = 'error') =>
    diagnostics.push({ path: file, ...locate(path), severity, message: `exercise "${exercise.id}": ${message}`, hint });
  const markdownFields: { text: string; at: Position }[] = []; // checked together at the end, in one parse
  const markdown = (path: YamlPath, text: string | undefined) => {
    if (text) markdownFields.push({ text, at: locate(path) });
  };

  exercise.skills.forEach((skill, index) => {
    if (skillIds && !skillIds.has(skill)) report(['skills', index], `unknown skill "${skill}"`, 'use a skill id declared in course.yaml');
  });

  const hints = exercise.hints.map((hint, index) => ({
    rung: index + 1,
    text: typeof hint === 'string' ? hint : hint.text,
    reveals: typeof hint === 'string' ? false : hint.reveals,
  }));
  if (hints.length === 0) report(['id'], 'empty hint ladder', 'add at least one hint under "hints:", from gentlest to most revealing');
  hints.forEach((hint, index) => {
    markdown(['hints', index], hint.text);
    if (hint.reveals && exercise.minAttempts === undefined) {
      report(['hints', index], `hint ${hint.rung} reveals the answer but no minimum number of attempts is set`, 'add "minAttempts: 2" (or another number) to the exercise');
    }
  });
  markdown(['prompt'], exercise.prompt);
  markdown(['explanation'], exercise.explanation);
  exercise.mistakes.forEach((mistake, index) => markdown(['mistakes', index, 'feedback'], mistake.feedback));

  const publicHints: PublicHint[] = hints.filter((h) => !h.reveals).map(({ rung, text }) => ({ rung, text }));
  const revealingHints: PublicHint[] = hints.filter((h) => h.reveals).map(({ rung, text }) => ({ rung, text }));
  const common = {
    id: exercise.id,
    ...(source.lesson ? { lesson: source.lesson } : {}),
    file,
    line: source.line,
    skills: exercise.skills,
    prompt: exercise.prompt,
    difficulty: exercise.difficulty,
    hints: publicHints,
    hintCount: hints.length,
    revealingHintRungs: revealingHints.map((h) => h.rung),
    minAttempts: exercise.minAttempts ?? 0,
    hasExplanation: exercise.explanation !== undefined,
  };
  const keyCommon = {
    mistakes: exercise.mistakes,
    revealingHints,
    ...(exercise.explanation ? { explanation: exercise.explanation } : {}),
  };

  switch (exercise.type) {
    case 'choice': {
      const choices = exercise.choices.map((choice, index) => ({ id: choice.id ?? String.fromCharCode(97 + index), text: choice.text, correct: choice.correct }));
      const seen = new Set<string>();
      choices.forEach((choice, index) => {
        markdown(['choices', index, 'text'], choice.text);
        if (seen.has(choice.id)) report(['choices', index], `duplicate choice id "${choice.id}"`, 'give each choice its own id');
        seen.add(choice.id);
      });
      const correct = choices.filter((c) => c.correct).map((c) => c.id);
      if (correct.length === 0) report(['choices'], 'no choice is marked correct, so the exercise has no key', 'add "correct: true" to the right choice');
      if (!exercise.multiple && correct.length > 1) report(['choices'], `${correct.length} choices are marked correct in a single-choice exercise`, 'mark one choice correct, or set "multiple: true"');
      exercise.mistakes.forEach((mistake, index) => {
        for (const id of [mistake.answer].flat()) {
          if (!seen.has(String(id))) report(['mistakes', index, 'answer'], `mistake refers to unknown choice "${id}"`, `use a choice id: ${[...seen].join(', ')}`);
        }
      });
      return {
        public: { ...common, type: 'choice', multiple: exercise.multiple, choices: choices.map(({ id, text }) => ({ id, text })) },
        key: { type: 'choice', correct, ...keyCommon },
        diagnostics,
        markdownFields,
      };
    }
    case 'numeric': {
      checkKeyOrTemplate(exercise.answer !== undefined, exercise.template !== undefined, report);
      if (exercise.template) checkTemplate(exercise.prompt, exercise.template, report);
      else if (exercise.answer !== undefined && promptContainsNumber(exercise.prompt, exercise.answer)) {
        report(['prompt'], `the prompt contains the answer ${exercise.answer}`, 'reword the prompt so it does not state the answer', 'warning');
      }
      return {
        public: { ...common, type: 'numeric', ...(exercise.unit ? { unit: exercise.unit } : {}), ...(exercise.template ? { template: { variables: Object.keys(exercise.template.variables) } } : {}) },
        key: { type: 'numeric', answer: exercise.answer, tolerance: exercise.tolerance, unit: exercise.unit, template: exercise.template, ...keyCommon },
        diagnostics,
        markdownFields,
      };
    }
    case 'expression': {
      checkKeyOrTemplate(exercise.answer !== undefined, exercise.template !== undefined, report);
      if (exercise.template) checkTemplate(exercise.prompt, exercise.template, report);
      for (const [name, [min, max]] of Object.entries(exercise.variables)) {
        if (!(min < max)) report(['variables', name], `the domain of "${name}" is empty: [${min}, ${max}]`, 'give [min, max] with min < max');
      }
      return {
        public: { ...common, type: 'expression', variables: Object.keys(exercise.variables), form: exercise.form, ...(exercise.template ? { template: { variables: Object.keys(exercise.template.variables) } } : {}) },
        key: { type: 'expression', answer: exercise.answer, variables: exercise.variables, form: exercise.form, template: exercise.template, ...keyCommon },
        diagnostics,
        markdownFields,
      };
    }
    case 'text': {
      if (exercise.accept.length === 0 && exercise.patterns.length === 0) report(['id'], 'no accepted answer, so the exercise has no key', 'add "accept: [...]" or "patterns: [...]"');
      exercise.patterns.forEach((pattern, index) => {
        try {
          new RegExp(pattern, 'u');
        } catch (error) {
          report(['patterns', index], `invalid regular expression: ${(error as Error).message}`, 'fix the pattern (JavaScript syntax)');
        }
      });
      return {
        public: { ...common, type: 'text' },
        key: { type: 'text', accept: exercise.accept, patterns: exercise.patterns, caseSensitive: exercise.caseSensitive, ignoreDiacritics: exercise.ignoreDiacritics, ...keyCommon },
        diagnostics,
        markdownFields,
      };
    }
    case 'free-response': {
      exercise.rubric.forEach((item, index) => markdown(['rubric', index, 'criterion'], item.criterion));
      return {
        public: { ...common, type: 'free-response', rubric: exercise.rubric },
        key: { type: 'free-response', reference: exercise.reference, ...keyCommon },
        diagnostics,
        markdownFields,
      };
    }
    case 'code': {
      const names = new Set<string>();
      exercise.tests.forEach((test, index) => {
        if (names.has(test.name)) report(['tests', index, 'name'], `two tests are named "${test.name}"`, 'give each test its own name; learners see the names', 'warning');
        names.add(test.name);
      });
      return {
        public: { ...common, type: 'code', language: exercise.language, starter: exercise.starter, tests: exercise.tests.map((t) => ({ name: t.name })) },
        key: { type: 'code', language: exercise.language, solution: exercise.solution, tests: exercise.tests, ...keyCommon },
        diagnostics,
        markdownFields,
      };
    }
  }
}

type Report = (path: YamlPath, message: string, hint: string, severity?: Diagnostic['severity']) => void;

function checkKeyOrTemplate(hasAnswer: boolean, hasTemplate: boolean, report: Report): void {
  if (!hasAnswer && !hasTemplate) report(['id'], 'exercise has no key', 'add "answer: …", or a "template:" whose solution computes it');
  if (hasAnswer && hasTemplate) report(['answer'], 'both "answer" and "template" are given', 'remove "answer": a template computes its answer from its solution');
}

function checkTemplate(prompt: string, template: NonNullable<Extract<Exercise, { type: 'numeric' }>['template']>, report: Report): void {
  const declared = new Set(Object.keys(template.variables));
  const used = new Set([...prompt.matchAll(/\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g)].map((m) => m[1]!));
  for (const name of used) {
    if (!declared.has(name)) report(['prompt'], `the prompt uses {{${name}}} but the template declares no variable "${name}"`, `declare it under template.variables, or fix the name (declared: ${[...declared].join(', ') || 'none'})`);
  }
  for (const [name, variable] of Object.entries(template.variables)) {
    if (!used.has(name)) report(['template', 'variables', name], `variable "${name}" is never shown in the prompt`, `write {{${name}}} in the prompt, or remove the variable`, 'warning');
    if ('min' in variable && variable.min > variable.max) report(['template', 'variables', name], `variable "${name}" has min ${variable.min} above max ${variable.max}`, 'swap min and max');
  }
}

function promptContainsNumber(prompt: string, answer: number): boolean {
  const numbers = prompt.match(/-?\d+(?:\.\d+)?/g) ?? [];
  return Math.abs(answer) >= 10 && numbers.some((n) => Number(n) === answer);
}
