import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { compileCourse } from '../compile-course.js';
import type { ExerciseInput } from './build-exercises.js';
import { convertOatutor, type OatutorContent } from './convert-oatutor.js';
import type { OatutorProblemFiles } from './load-oatutor-files.js';

// A small OATutor folder, as the CLI would read it: two courses, steps of every kind.
const lessonId = 'L1-abc';
const hint = (id: string, text: string, extra: Record<string, unknown> = {}) => ({ id, type: 'hint', dependencies: [], title: '', text, variabilization: {}, oer: '', license: '', ...extra });
function problem(id: string, steps: { id: string; step: Record<string, unknown>; pathway?: unknown[] }[], extra: Record<string, unknown> = {}): OatutorProblemFiles {
  return {
    folder: id,
    problem: { id, title: 'Solve the equation.', body: 'Give the solutions.', variabilization: {}, oer: 'https://openstax.org/ <OpenStax>', license: 'CC4.0', lesson: 'Lesson 1', lessonId, courseName: 'Algebra One', ...extra },
    steps: steps.map((s) => ({ folder: s.id, step: { id: s.id, stepTitle: '', stepBody: '', variabilization: {}, ...s.step }, pathway: s.pathway ?? [hint(`${s.id}-h1`, 'Think about it.')] })),
  };
}

function content(problems: OatutorProblemFiles[], overrides: Partial<OatutorContent> = {}): OatutorContent {
  return {
    coursePlans: [
      { courseName: 'Algebra One', language: 'English', courseOER: '', courseLicense: 'https://creativecommons.org/licenses/by/4.0/ <CC BY 4.0>', lessons: [{ id: lessonId, name: 'Lesson 1', topics: 'Zero products', learningObjectives: { zero_product: 0.85, factoring: 0.9 } }] },
      { courseName: 'Matematik 4', language: 'se', lessons: [{ id: 'L2', name: 'Lektion 1', topics: '', learningObjectives: { derivator: 0.85 } }] },
    ],
    skillModel: { p1a: ['zero_product'] },
    bktParams: { zero_product: { probMastery: 0.1, probTransit: 0.2, probSlip: 0.05, probGuess: 0.25 } },
    problems,
    ...overrides,
  };
}

function exercisesOf(result: ReturnType<typeof convertOatutor>, course = 'algebra-one'): ExerciseInput[] {
  const imported = result.courses.find((c) => c.id === course)!;
  return [...imported.files].filter(([path]) => path.startsWith('exercises/')).flatMap(([, text]) => (parseYaml(text) as { exercises: ExerciseInput[] }).exercises);
}
const byId = (exercises: ExerciseInput[], id: string) => exercises.find((e) => e.id === id)!;

describe('convertOatutor', () => {
  it('turns a multiple-choice step into a choice exercise with the answer marked correct', () => {
    const result = convertOatutor(content([problem('p1', [{ id: 'p1a', step: { problemType: 'MultipleChoice', answerType: 'string', stepTitle: '$$x^2+4x+3=0$$', stepAnswer: ['$$x=-1$$ or $$x=-3$$'], choices: ['$$x=1$$ or $$x=3$$', '$$x=-1$$ or $$x=-3$$', '$$x=1$$ or $$x=3$$'] } }])]));
    const exercise = byId(exercisesOf(result), 'p1a');
    expect(exercise).toMatchObject({ type: 'choice', skills: ['zero-product'], choices: [{ text: '$x=1$ or $x=3$' }, { text: '$x=-1$ or $x=-3$', correct: true }] });
    expect(exercise.prompt).toBe('**Solve the equation.**\n\nGive the solutions.\n\n$x^2+4x+3=0$');
    expect(result.summary).toMatchObject({ courses: 2, problems: 1, steps: 1, converted: 1, failures: [] });
  });

  it('turns a TextBox arithmetic step into numeric when the key is a number, else expression with domains', () => {
    const result = convertOatutor(content([problem('p2', [
      { id: 'p2a', step: { problemType: 'TextBox', answerType: 'arithmetic', stepTitle: 'Compute', stepAnswer: ['$$\\frac{11}{14}$$'] } },
      { id: 'p2b', step: { problemType: 'TextBox', answerType: 'arithmetic', stepTitle: 'Round it', stepAnswer: ['$$0.491$$'] } },
      { id: 'p2c', step: { problemType: 'TextBox', answerType: 'arithmetic', stepTitle: 'Expand', stepAnswer: ['$$2x^2+3x+10$$'] } },
      { id: 'p2d', step: { problemType: 'TextBox', answerType: 'arithmetic', stepTitle: 'Simplify', stepAnswer: ['$$\\log_{10}\\left(x\\right)-1$$'] } },
      { id: 'p2e', step: { problemType: 'TextBox', answerType: 'arithmetic', stepTitle: 'Exact', stepAnswer: ['$$3+\\log_{3}\\left(4\\right)$$'] } },
    ])]));
    const exercises = exercisesOf(result);
    expect(byId(exercises, 'p2a')).toMatchObject({ type: 'numeric', answer: 11 / 14 });
    expect(byId(exercises, 'p2b')).toMatchObject({ type: 'numeric', answer: 0.491, tolerance: { absolute: 0.0005 } });
    expect(byId(exercises, 'p2c')).toMatchObject({ type: 'expression', answer: '2*x^2 + 3*x + 10', variables: { x: [-3, 3] } });
    expect(byId(exercises, 'p2d')).toMatchObject({ type: 'expression', answer: 'log(x, 10) - 1', variables: { x: [0.5, 3] } });
    expect(byId(exercises, 'p2e')).toMatchObject({ type: 'expression', answer: '3 + log(4, 3)', variables: {} });
  });

  it('turns a TextBox string step into a text exercise that keeps the case of code', () => {
    const result = convertOatutor(content([problem('p3', [
      { id: 'p3a', step: { problemType: 'TextBox', answerType: 'string', stepTitle: 'Which method?', stepAnswer: ['tbl.sort("count")'] } },
      { id: 'p3b', step: { problemType: 'TextBox', answerType: 'string', stepTitle: 'Name it', stepAnswer: ['apply'] } },
    ])]));
    const exercises = exercisesOf(result);
    expect(byId(exercises, 'p3a')).toMatchObject({ type: 'text', accept: ['tbl.sort("count")'], caseSensitive: true });
    expect(byId(exercises, 'p3b')).toEqual(expect.objectContaining({ type: 'text', accept: ['apply'] }));
    expect(byId(exercises, 'p3b')).not.toHaveProperty('caseSensitive');
  });

  it('orders hints by dependencies, marks a rung that states the answer as revealing, and makes scaffolds sub-exercises', () => {
    const pathway = [
      hint('p4a-h2', 'So $$x=5$$', { dependencies: ['p4a-s'] }),
      { ...hint('p4a-s', 'What is $$2+3$$?', { dependencies: ['p4a-h1'] }), type: 'scaffold', title: 'Add first', problemType: 'TextBox', answerType: 'arithmetic', hintAnswer: ['$$5$$'], subHints: [hint('p4a-s-h1', 'Count on from 2.')] },
      hint('p4a-h1', 'Add the numbers on the right.', { title: 'Start' }),
    ];
    const result = convertOatutor(content([problem('p4', [{ id: 'p4a', step: { problemType: 'TextBox', answerType: 'arithmetic', stepTitle: 'Solve $$x=2+3$$', stepAnswer: ['5'] }, pathway }])]));
    const exercises = exercisesOf(result);
    const step = byId(exercises, 'p4a');
    expect(step.hints).toEqual([
      '**Start.** Add the numbers on the right.',
      '**Add first.** What is $2+3$?\n\n*Work through it as exercise `p4a-s1`.*',
      { text: 'So $x=5$', reveals: true },
    ]);
    expect(step.minAttempts).toBe(1);
    const scaffold = byId(exercises, 'p4a-s1');
    // a step missing from the skill model practises its lesson's learning objectives; a scaffold those of its step
    expect(scaffold).toMatchObject({ type: 'numeric', answer: 5, hints: ['Count on from 2.'], skills: ['zero-product', 'factoring'] });
    expect(scaffold.prompt).toContain('**Add first**\n\nWhat is $2+3$?');
    expect(exercises.map((e) => e.id)).toEqual(['p4a', 'p4a-s1']);
  });

  it('makes variabilization a template whose variants stay paired as in OATutor', () => {
    const result = convertOatutor(content([problem('p5', [{ id: 'p5a', step: { problemType: 'TextBox', answerType: 'arithmetic', stepTitle: 'Find $$c$$ with $$\\log_{@{b}}(c)=\\frac{1}{2}$$', stepAnswer: ['@{ans}'] }, pathway: [hint('p5a-h1', '$$\\sqrt{@{b}}$$')] }], { variabilization: { b: ['4', '9', '16'], ans: ['2', '3', '4'] } })]));
    const exercise = byId(exercisesOf(result), 'p5a');
    expect(exercise).toMatchObject({ type: 'numeric', template: { variables: { ans: { choices: [2, 3, 4] }, b: { choices: [4, 9, 16] } }, solution: 'ans' } });
    expect(exercise.prompt).toContain('$\\log_{{{b}}}(c)=\\frac{1}{2}$');
    expect(exercise.hints).toEqual(['$\\sqrt{{{b}}}$']);
    expect(exercise.type === 'numeric' && exercise.template?.constraints).toEqual(['(ans == 2 and b == 4) or (ans == 3 and b == 9) or (ans == 4 and b == 16)']);
  });

  it('keeps OATutor\'s first variant, with a warning, where Primer has no template (choice steps)', () => {
    const result = convertOatutor(content([problem('p6', [{ id: 'p6a', step: { problemType: 'MultipleChoice', answerType: 'string', stepTitle: 'Is $$@{n}$$ even?', stepAnswer: ['yes'], choices: ['yes', 'no'] } }], { variabilization: { n: ['2', '4'] } })]));
    expect(byId(exercisesOf(result), 'p6a').prompt).toContain('Is $2$ even?');
    expect(result.summary.warnings).toContainEqual({ id: 'p6a', reason: expect.stringMatching(/fixed to OATutor's first variant/) });
  });

  it('lists every step it cannot convert with the reason, and converts the rest', () => {
    const result = convertOatutor(content([
      problem('p7', [
        { id: 'p7a', step: { problemType: 'MultipleChoice', answerType: 'string', stepAnswer: ['4'], choices: ['1', '2'], stepTitle: 'Pick' } },
        { id: 'p7b', step: { problemType: 'TextBox', answerType: 'arithmetic', stepAnswer: ['$$x>-3$$'], stepTitle: 'Solve' } },
        { id: 'p7c', step: { problemType: 'DragAndDrop', answerType: 'string', stepAnswer: ['a'], stepTitle: 'Drag' } },
        { id: 'p7d', step: { problemType: 'TextBox', answerType: 'string', stepAnswer: [], stepTitle: 'Nothing' } },
        { id: 'p7e', step: { problemType: 'TextBox', answerType: 'arithmetic', stepAnswer: '12', stepTitle: 'How long?', units: 'cm' } },
        { id: 'p7f', step: { problemType: 'TextBox', answerType: 'essay', stepAnswer: ['anything'], stepTitle: 'Explain' } },
        { id: 'p7g', step: { problemType: 'TextBox', answerType: 'arithmetic', stepAnswer: ['$$\\begin{bmatrix}1 & 0\\\\ 0 & 1\\end{bmatrix}$$'], stepTitle: 'Identity' } },
      ]),
      problem('p8', [{ id: 'p8a', step: { problemType: 'TextBox', answerType: 'string', stepAnswer: ['a'], stepTitle: 'Where?' } }], { lessonId: 'nowhere', lesson: 'Nowhere' }),
      { folder: 'p9', error: 'content-pool/p9/p9.json is not valid JSON', steps: [{ folder: 'p9a' }] },
    ]));
    const reasons = Object.fromEntries(result.summary.failures.map((f) => [f.id, f.reason]));
    expect(reasons).toEqual({
      p7a: expect.stringMatching(/not among the choices/),
      p7b: expect.stringMatching(/inequality/),
      p7c: expect.stringMatching(/problem type "DragAndDrop" is not supported/),
      p7d: expect.stringMatching(/no answer/),
      p7f: expect.stringMatching(/essay answers/),
      p7g: 'matrix answers are not supported',
      p8a: expect.stringMatching(/lesson "nowhere" is in no course/),
      p9a: expect.stringMatching(/not valid JSON/),
    });
    expect(result.summary).toMatchObject({ problems: 3, steps: 9, converted: 1 });
    // a lone answer written without a list, and OATutor's units shown beside the answer box
    expect(byId(exercisesOf(result), 'p7e')).toMatchObject({ type: 'numeric', answer: 12, prompt: expect.stringMatching(/How long\?\n\nUnits: cm$/) });
  });

  it('writes a course that compiles: skills and thresholds, BCP 47 language, attribution, BKT priors, a general hint when OATutor has none', () => {
    const result = convertOatutor(content([problem('p10', [{ id: 'p10a', step: { problemType: 'TextBox', answerType: 'arithmetic', stepTitle: 'Compute $$2+2$$', stepAnswer: ['4'] }, pathway: [] }])]));
    const algebra = result.courses.find((c) => c.id === 'algebra-one')!;
    const course = parseYaml(algebra.files.get('course.yaml')!);
    // thresholds 0.85 and 0.9 are equally common: the stricter one wins
    expect(course).toMatchObject({ id: 'algebra-one', language: 'en', license: 'CC-BY-4.0', masteryThreshold: 0.9, authors: ['OATutor project (CAHLR, UC Berkeley)'] });
    expect(course.skills.map((s: { id: string }) => s.id)).toEqual(['zero-product', 'factoring']);
    const lesson = algebra.files.get('lessons/01-lesson-1.md')!;
    expect(lesson).toContain('title: "Lesson 1: Zero products"');
    expect(lesson).toContain('*Source: OATutor problem `p10` by the OATutor project (CAHLR, UC Berkeley), from [OpenStax](https://openstax.org/); licence [CC BY 4.0](https://creativecommons.org/licenses/by/4.0/).*');
    expect(algebra.files.get('exercises/01-lesson-1.yaml')).toContain('# OATutor p10a by the OATutor project (CAHLR, UC Berkeley); source: https://openstax.org/ <OpenStax>; licence: CC4.0');
    expect(parseYaml(algebra.files.get('bkt-priors.yaml')!).skills['zero-product']).toEqual({ oatutorSkill: 'zero_product', prior: 0.1, learn: 0.2, slip: 0.05, guess: 0.25, masteryThreshold: 0.85 });
    expect(byId(exercisesOf(result), 'p10a').hints).toHaveLength(1);
    expect(result.summary.warnings).toContainEqual({ id: 'p10a', reason: expect.stringMatching(/no hint/) });
    const swedish = result.courses.find((c) => c.id === 'matematik-4')!;
    expect(parseYaml(swedish.files.get('course.yaml')!).language).toBe('sv');
    for (const imported of result.courses) {
      const errors = compileCourse(new Map(imported.files)).diagnostics.filter((d) => d.severity === 'error');
      expect(errors, imported.id).toEqual([]);
    }
  });

  it('leaves out the exercises it is told to, listing a step as a failure and keeping a scaffold as a plain hint', () => {
    const pathway = [{ ...hint('p11a-s', 'What is $$2+3$$?'), type: 'scaffold', problemType: 'TextBox', answerType: 'arithmetic', hintAnswer: ['5'] }];
    const files = content([problem('p11', [
      { id: 'p11a', step: { problemType: 'TextBox', answerType: 'arithmetic', stepTitle: 'Solve', stepAnswer: ['5'] }, pathway },
      { id: 'p11b', step: { problemType: 'TextBox', answerType: 'arithmetic', stepTitle: 'Again', stepAnswer: ['6'] } },
    ])]);
    const result = convertOatutor(files, { leaveOut: new Map([['p11a-s1', 'not self-consistent: test'], ['p11b', 'not self-consistent: test']]) });
    const exercises = exercisesOf(result);
    expect(exercises.map((e) => e.id)).toEqual(['p11a']);
    expect(byId(exercises, 'p11a').hints).toEqual(['What is $2+3$?']);
    expect(result.summary.failures).toEqual([{ id: 'p11b', reason: 'not self-consistent: test' }]);
    expect(result.summary.warnings).toContainEqual({ id: 'p11a-s', reason: 'scaffold kept as a hint only: not self-consistent: test' });
  });
});
