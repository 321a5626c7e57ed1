// One OATutor step → Primer exercises: the step itself, and one sub-exercise per scaffold in its
// hint pathway (recursively), each with its own answer and hints. The step's ladder keeps a
// rung pointing to each scaffold. Variabilization becomes a template where Primer can express it.
import type { z } from 'zod';
import { exerciseSchema } from '../schema.js';
import { convertAnswer, type AnswerPart, type AnswerResult } from './convert-answer.js';
import { convertText, type VariableWriting } from './convert-text.js';
import type { OatutorHint, OatutorProblem, OatutorStep } from './oatutor-schema.js';
import { orderPathway, revealsAnswer } from './order-pathway.js';
import type { Phrases } from './phrases.js';
import { planTemplate, variablesUsed, type TemplatePlan } from './plan-template.js';
import type { IdRegistry } from './to-id.js';

export type ExerciseInput = z.input<typeof exerciseSchema>;
type HintInput = string | { text: string; reveals?: boolean };

export interface Issue {
  id: string; // the OATutor id of the step, scaffold or hint
  reason: string;
}

export interface BuiltExercise {
  exercise: ExerciseInput;
  oatutorId: string; // step or scaffold id
  kind: 'step' | 'scaffold';
  step: string; // the OATutor step it belongs to
  /** What the self-consistency check feeds the checker as the key, and the wrong choices. */
  key: string;
  wrongChoices: string[];
  /** The answer as OATutor stores it (LaTeX without `$$`, or the right choice's text): what a learner might type. */
  original: string;
  templated: boolean;
}

export interface StepContext {
  problem: OatutorProblem;
  skills: string[];
  decimalComma: boolean;
  phrases: Phrases;
  ids: IdRegistry;
  /** Exercise ids (Primer) left out, with the reason, e.g. after a failed self-consistency check. */
  leaveOut: ReadonlyMap<string, string>;
  figure: (name: string) => string | undefined;
  warn: (issue: Issue) => void;
}

export type StepBuild = { ok: true; exercises: BuiltExercise[] } | { ok: false; reason: string };

/** A raw OATutor text, and whether it is a title to set in bold. */
interface Text {
  raw: string;
  bold?: boolean;
}

interface Question {
  oatutorId: string;
  exerciseId: string;
  kind: 'step' | 'scaffold';
  context: Text[]; // OATutor texts shown before the question (problem title, body…)
  texts: Text[]; // texts of the question itself
  problemType: string;
  answerType: string;
  answers: string[];
  choices: string[];
  hints: OatutorHint[];
  variabilization: Record<string, string[]>;
}

export function buildStepExercises(step: OatutorStep, pathway: OatutorHint[], context: StepContext): StepBuild {
  const exerciseId = context.ids.claim(step.id, 'step');
  const left = context.leaveOut.get(exerciseId);
  if (left !== undefined) return { ok: false, reason: left };
  const question: Question = {
    oatutorId: step.id,
    exerciseId,
    kind: 'step',
    context: [{ raw: context.problem.title, bold: true }, { raw: context.problem.body }],
    texts: [{ raw: step.stepTitle }, { raw: step.stepBody }, ...(step.units.trim() ? [{ raw: `${context.phrases.units}: ${step.units.trim()}` }] : [])],
    problemType: step.problemType,
    answerType: step.answerType,
    answers: step.stepAnswer,
    choices: step.choices,
    hints: pathway,
    variabilization: { ...context.problem.variabilization, ...step.variabilization },
  };
  return buildQuestion(question, step.id, context);
}

function buildQuestion(question: Question, stepId: string, context: StepContext): StepBuild {
  const ordered = orderPathway(question.hints);
  const variabilization = { ...question.variabilization };
  for (const hint of ordered) Object.assign(variabilization, hint.variabilization);
  const ownTexts = [...[...question.context, ...question.texts].map((t) => t.raw), ...question.answers, ...question.choices, ...ordered.flatMap((h) => [h.title, h.text])];
  const used = variablesUsed(ownTexts);

  let plan: TemplatePlan | undefined;
  let writing: VariableWriting | undefined;
  let answerResult = convertAnswer(answerInput(question, context, undefined, undefined));
  if (used.length > 0) {
    const planned = planTemplate(variabilization, used);
    if (!planned.ok && !planned.variants) return { ok: false, reason: planned.reason };
    let templated: AnswerResult = planned.ok
      ? convertAnswer(answerInput(question, context, planned.plan, { kind: 'placeholder' }))
      : { ok: false, reason: planned.reason };
    if (templated.ok && templated.part.type === 'numeric') {
      // the variables change the question but not its answer: still a template, with a constant solution
      const { answer, tolerance, unknown } = templated.part;
      templated = { ok: true, part: { type: 'numeric-template', solution: String(answer), ...(tolerance ? { tolerance } : {}), ...(unknown ? { unknown } : {}) } };
    }
    if (planned.ok && templated.ok && templated.part.type === 'numeric-template') {
      plan = planned.plan;
      writing = { kind: 'placeholder' };
      answerResult = templated;
    } else {
      // Primer templates are numeric or expression; elsewhere keep OATutor's first variant
      const first = planned.ok ? planned.plan.variants[0]! : planned.variants![0]!;
      const values = Object.fromEntries(Object.entries(first).map(([k, v]) => [k, String(v)]));
      writing = { kind: 'value', values };
      const fixed = { ...question, answers: question.answers.map((a) => substitute(a, values)), choices: question.choices.map((c) => substitute(c, values)) };
      answerResult = convertAnswer(answerInput(fixed, context, undefined, writing));
      if (answerResult.ok) {
        context.warn({ id: question.oatutorId, reason: `variables ${used.join(', ')} fixed to OATutor's first variant: ${templated.ok ? `a ${templated.part.type} exercise cannot be a template` : templated.reason}` });
      }
    }
  }
  if (!answerResult.ok) return { ok: false, reason: answerResult.reason };
  const part = answerResult.part;

  const markdown = (raw: string) => convertText(raw, { variables: writing, figure: context.figure, note: (message) => context.warn({ id: question.oatutorId, reason: message }) });
  const write = (text: Text) => {
    const written = markdown(text.raw);
    return text.bold && written ? `**${written.replace(/\n+/g, ' ')}**` : written;
  };
  const promptParts = [...question.context, ...question.texts].map(write).filter((p) => p !== '');
  if (question.texts.every((t) => write(t) === '')) return { ok: false, reason: 'the step has no question text' };
  if ('unknown' in part && part.unknown) promptParts.push(part.type === 'expression' ? context.phrases.giveExpression(part.unknown) : context.phrases.giveValue(part.unknown));

  const answerForms = revealForms(question, part, writing);
  const exercises: BuiltExercise[] = [];
  const hints: HintInput[] = [];
  let scaffoldCount = 0;
  for (const hint of ordered) {
    const lead = hint.title.trim() && normalizeTitle(hint.title) !== normalizeTitle(hint.text) ? markdown(hint.title) : '';
    const body = markdown(hint.text);
    let text = lead && body ? `**${lead.replace(/[.:]$/, '')}.** ${body}` : lead || body;
    if (text === '') {
      context.warn({ id: hint.id, reason: 'hint without text left out of the ladder' });
      continue;
    }
    if (hint.type.trim() === 'scaffold') {
      scaffoldCount += 1;
      const sub = buildScaffold(question, hint, `${question.exerciseId}-s${scaffoldCount}`, stepId, context, variabilization);
      if (sub.ok) {
        exercises.push(...sub.exercises);
        text = `${text}\n\n${context.phrases.workThrough(sub.exercises[0]!.exercise.id)}`;
      } else {
        context.warn({ id: hint.id, reason: `scaffold kept as a hint only: ${sub.reason}` });
      }
    }
    hints.push(revealsAnswer(`${hint.title} ${hint.text}`, answerForms) ? { text, reveals: true } : text);
  }
  if (hints.length === 0) {
    hints.push(part.type === 'choice' ? context.phrases.genericHintChoice : context.phrases.genericHint);
    context.warn({ id: question.oatutorId, reason: 'OATutor gives no hint for this step; a general hint was written' });
  }
  const reveals = hints.some((h) => typeof h !== 'string' && h.reveals);

  const exercise: ExerciseInput = {
    id: question.exerciseId,
    skills: context.skills,
    prompt: promptParts.join('\n\n'),
    ...answerFields(part, plan),
    hints,
    ...(reveals ? { minAttempts: 1 } : {}),
  } as ExerciseInput;
  const valid = exerciseSchema.safeParse(exercise);
  if (!valid.success) return { ok: false, reason: `the converted exercise is invalid: ${valid.error.issues[0]?.message ?? 'unknown problem'}` };
  const built: BuiltExercise = {
    exercise,
    oatutorId: question.oatutorId,
    kind: question.kind,
    step: stepId,
    key: keyOf(part),
    wrongChoices: part.type === 'choice' ? part.choices.filter((c) => !c.correct).map((c) => c.text) : [],
    original: part.type === 'choice' ? keyOf(part) : (question.answers[0] ?? '').replace(/\$\$/g, '').replace(/\\n(?![a-zA-Z])/g, ' ').trim(),
    templated: plan !== undefined,
  };
  return { ok: true, exercises: [built, ...exercises] };
}

function buildScaffold(parent: Question, hint: OatutorHint, exerciseId: string, stepId: string, context: StepContext, variabilization: Record<string, string[]>): StepBuild {
  const id = context.ids.claim(exerciseId, 'scaffold');
  const left = context.leaveOut.get(id);
  if (left !== undefined) return { ok: false, reason: left };
  return buildQuestion(
    {
      oatutorId: hint.id,
      exerciseId: id,
      kind: 'scaffold',
      context: [...parent.context, ...parent.texts],
      texts: [{ raw: hint.title, bold: true }, { raw: hint.text }],
      problemType: hint.problemType || (hint.choices.length > 0 ? 'MultipleChoice' : 'TextBox'),
      answerType: hint.answerType,
      answers: hint.hintAnswer,
      choices: hint.choices,
      hints: hint.subHints,
      variabilization,
    },
    stepId,
    context,
  );
}

function answerInput(question: Question, context: StepContext, template: TemplatePlan | undefined, writing: VariableWriting | undefined) {
  return {
    problemType: question.problemType,
    answerType: question.answerType,
    answers: question.answers,
    choices: question.choices,
    decimalComma: context.decimalComma,
    template,
    markdown: (raw: string) => convertText(raw, { variables: writing, figure: context.figure }),
  };
}

function substitute(text: string, values: Record<string, string>): string {
  return text.replace(/@\{\s*([^{}]+?)\s*\}/g, (whole, name: string) => values[name] ?? whole);
}

function normalizeTitle(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

function answerFields(part: AnswerPart, plan: TemplatePlan | undefined): Partial<ExerciseInput> {
  switch (part.type) {
    case 'choice':
      return { type: 'choice', choices: part.choices.map((c) => (c.correct ? { text: c.text, correct: true } : { text: c.text })) };
    case 'numeric':
      return { type: 'numeric', answer: part.answer, ...(part.tolerance ? { tolerance: part.tolerance } : {}) };
    case 'numeric-template':
      return {
        type: 'numeric',
        ...(part.tolerance ? { tolerance: part.tolerance } : {}),
        template: { variables: plan!.variables, ...(plan!.constraints.length > 0 ? { constraints: plan!.constraints } : {}), solution: part.solution },
      };
    case 'expression':
      return { type: 'expression', answer: part.answer, variables: part.variables };
    case 'text':
      return { type: 'text', accept: part.accept, ...(part.caseSensitive ? { caseSensitive: true } : {}) };
  }
}

function keyOf(part: AnswerPart): string {
  switch (part.type) {
    case 'choice':
      return part.choices.find((c) => c.correct)!.text;
    case 'numeric':
      return String(part.answer);
    case 'numeric-template':
      return part.solution;
    case 'expression':
      return part.answer;
    case 'text':
      return part.accept[0]!;
  }
}

/** The ways the answer may be written in a hint, for deciding which rungs reveal it. */
function revealForms(question: Question, part: AnswerPart, writing: VariableWriting | undefined): string[] {
  const forms = [...question.answers];
  if (writing?.kind === 'value') forms.push(...question.answers.map((a) => substitute(a, writing.values as Record<string, string>)));
  if (part.type === 'numeric') forms.push(String(part.answer));
  if (part.type === 'text') forms.push(...part.accept);
  return forms;
}
