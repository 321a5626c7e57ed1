// The deterministic side of one turn: open lessons and exercises, give hints, check answers, note
// things about the learner. Tools, slash commands and no-model mode all act through it, so the
// rules (hint ladder, minimum attempts, no credit after a revealing hint) live in one place.
// Keys are read here only to check answers, to show a revealing rung the learner has earned, and to
// build the output guard's key; nothing read from keys is returned to the model.
import { sha256, type Chunk, type CourseBundle, type PublicExercise } from '../../course/index.js';
import { checkAnswer, fillPrompt, type FreeResponseGrader, type Sandbox, type Verdict } from '../../exercise/index.js';
import { bktParamsFor, foldLearnerState, remembersAnswer, type EventPayload, type LearnerEvent, type LearnerState } from '../../learner/index.js';
import type { Phrases, Translator } from '../../i18n/index.js';
import { guardKeyFromExercise, type GuardKey } from '../guard/index.js';
import { exerciseVariant } from './exercise-variant.js';
import type { JournalEvent } from './tutor-journal.js';
import type { TutorStreamPart } from './turn-types.js';

export interface TurnSessionOptions {
  bundle: CourseBundle;
  learner: string;
  state: LearnerState;
  language: string;
  /** The tutor's own words in the learner's language. */
  phrases: Phrases;
  translator: Translator;
  emit: (part: TutorStreamPart) => void;
  now: () => Date;
  newId: () => string;
  sandbox?: Sandbox;
  grader?: FreeResponseGrader;
  /** Removes sentences that leak `key` from text about to be shown (the output guard). */
  screen: (text: string, key: GuardKey, context: readonly string[]) => string;
}

export interface OpenExercise {
  exercise: PublicExercise;
  prompt: string; // as the learner sees it (variant filled in), in the course's language
  seed?: number;
  variables: Record<string, number | string>;
  guardKey: GuardKey;
}

export type HintOutcome =
  | { given: true; rung: number; text: string; reveals: boolean }
  | { given: false; reason: 'no-exercise' | 'no-more-hints'; message: string }
  | { given: false; reason: 'locked'; message: string; attemptsLeft: number };

export function createTurnSession(options: TurnSessionOptions) {
  const { bundle, learner, emit, translator, phrases: t } = options;
  const publicBundle = bundle.public;
  let state = options.state;
  const events: JournalEvent[] = [];
  const seen: string[] = []; // course text and answers the learner has seen or written this turn: the guard's context
  const verdicts: { exercise: string; verdict: Verdict['verdict']; misconception?: string }[] = [];
  const hints: { exercise: string; rung: number; reveals: boolean }[] = [];
  let pending = 0;

  const record = (event: JournalEvent) => {
    events.push(event);
    const time = options.now().toISOString();
    const envelope = { ...event, id: `pending-${++pending}`, learner, course: publicBundle.course.id, courseVersion: publicBundle.hash, time } as LearnerEvent;
    state = foldLearnerState(state, [envelope], publicBundle);
  };
  const show = (text: string) => translator.translate({ text, hash: sha256(text), from: publicBundle.course.language, to: options.language }).then((t) => t.text);

  const findExercise = (id: string | undefined) => (id ? publicBundle.exercises.find((exercise) => exercise.id === id) : undefined);

  function open(id: string | undefined): OpenExercise | undefined {
    const exercise = findExercise(id);
    const key = exercise ? bundle.keys.exercises[exercise.id] : undefined;
    if (!exercise || !key) return undefined;
    const variant = exerciseVariant(bundle, learner, exercise, state.exercises[exercise.id]?.variant);
    if (variant.seed === undefined) return { exercise, prompt: exercise.prompt, variables: {}, guardKey: guardKeyFromExercise(exercise, key) };
    return { exercise, prompt: variant.prompt, seed: variant.seed, variables: variant.variables, guardKey: guardKeyFromExercise(exercise, key, variant.answer) };
  }

  const session = {
    get state() {
      return state;
    },
    /** The course as learners see it. */
    bundle: publicBundle,
    events,
    seen,
    verdicts,
    hints,
    /** The exercise the learner is working on, if any. */
    current: () => open(state.activity?.exercise),

    /** Course text (a title, a sentence) in the learner's language, through the translation cache. */
    courseText: show,

    /** A section of the course in the learner's language, through the translation cache every learner shares. */
    async sectionText(chunk: Chunk): Promise<string> {
      return (await translator.translate({ text: chunk.text, hash: chunk.hash, from: publicBundle.course.language, to: options.language })).text;
    },

    async openLesson(id: string, reason = 'You opened this lesson.') {
      const lesson = publicBundle.lessons.find((item) => item.id === id);
      if (!lesson) return undefined;
      if (state.activity?.lesson !== id || state.activity.kind !== 'teach') record({ type: 'activity', payload: { kind: 'teach', lesson: id, reason } });
      const sections = await Promise.all(
        publicBundle.chunks
          .filter((chunk) => chunk.lesson === id)
          .map(async (chunk) => ({ id: chunk.id, heading: chunk.heading, text: await session.sectionText(chunk) })),
      );
      const title = await show(lesson.title);
      emit({ type: 'lesson', lesson: id, title, sections });
      return { lesson: id, title, sections };
    },

    async openExercise(id: string, reason = 'You chose this exercise.') {
      const exercise = findExercise(id);
      if (!exercise) return undefined;
      if (state.activity?.exercise !== id) {
        const skill = exercise.skills[0];
        record({ type: 'activity', payload: { kind: 'practise', exercise: id, reason, ...(exercise.lesson ? { lesson: exercise.lesson } : {}), ...(skill ? { skill } : {}) } });
      }
      const opened = open(id)!;
      const prompt = await show(opened.prompt);
      const choices = exercise.type === 'choice' ? await Promise.all(exercise.choices.map(async (choice) => ({ id: choice.id, text: await show(choice.text) }))) : undefined;
      seen.push(opened.prompt, prompt, ...(choices ?? []).map((choice) => choice.text));
      emit({ type: 'exercise', exercise: id, prompt, ...(choices ? { choices } : {}) });
      return { exercise: id, type: exercise.type, prompt, ...(choices ? { choices } : {}), hintsAvailable: exercise.hintCount };
    },

    /** The next rung of the open exercise's ladder; a revealing rung only after the teacher's minimum attempts. */
    async giveHint(): Promise<HintOutcome> {
      const opened = open(state.activity?.exercise);
      if (!opened) return { given: false, reason: 'no-exercise', message: t('notice.nothing-to-hint') };
      const { exercise } = opened;
      const progress = state.exercises[exercise.id] ?? { attempts: 0, hintsSeen: 0 };
      const rung = progress.hintsSeen + 1;
      if (rung > exercise.hintCount) return { given: false, reason: 'no-more-hints', message: t('notice.no-more-hints') };
      const reveals = exercise.revealingHintRungs.includes(rung);
      if (reveals && progress.attempts < exercise.minAttempts) {
        const attemptsLeft = exercise.minAttempts - progress.attempts;
        return { given: false, reason: 'locked', message: t('notice.hint-locked', { count: attemptsLeft }), attemptsLeft };
      }
      const key = bundle.keys.exercises[exercise.id]!;
      const authored = reveals ? key.revealingHints.find((hint) => hint.rung === rung) : exercise.hints.find((hint) => hint.rung === rung);
      const text = await show(fillPrompt(authored?.text ?? '', opened.variables));
      record({ type: 'hint', payload: { exercise: exercise.id, rung, reveals } });
      hints.push({ exercise: exercise.id, rung, reveals });
      seen.push(text);
      emit({ type: 'hint', exercise: exercise.id, rung, text, reveals });
      return { given: true, rung, text, reveals };
    },

    /** Checks an answer to the open exercise; the verdict carries the teacher's feedback, never the key. */
    async checkAnswer(answer: string) {
      const opened = open(state.activity?.exercise);
      if (!opened) return undefined;
      const { exercise, seed } = opened;
      seen.push(answer);
      const progress = state.exercises[exercise.id];
      let verdict: Verdict;
      try {
        verdict = await checkAnswer({ exercise, key: bundle.keys.exercises[exercise.id]!, answer, language: options.language, ...(seed !== undefined ? { seed } : {}), ...(options.sandbox ? { sandbox: options.sandbox } : {}), ...(options.grader ? { grader: options.grader } : {}) });
      } catch (error) {
        verdict = { verdict: 'unparseable', message: t(error instanceof Error && /sandbox/.test(error.message) ? 'reply.cannot-run-code' : 'reply.not-checked') };
      }
      record({
        type: 'attempt',
        payload: {
          exercise: exercise.id,
          skills: exercise.skills.length ? exercise.skills : ['unassigned'],
          answer,
          verdict: verdict.verdict,
          hintsUsed: progress?.hintsSeen ?? 0,
          revealed: progress?.revealed ?? false,
          ...(seed !== undefined ? { seed } : {}),
          ...(verdict.misconception ? { misconception: verdict.misconception } : {}),
          ...(verdict.verdict === 'unparseable' && verdict.problem ? { problem: verdict.problem } : {}),
        },
      });
      // Right again on an exercise solved today: no mastery credit (see remembersAnswer), and the learner is told why.
      if (!verdict.message && remembersAnswer(progress, { verdict: verdict.verdict, ...(seed !== undefined ? { seed } : {}) }, options.now().getTime())) verdict = { ...verdict, message: t('reply.solved-before') };
      const screened = verdict.feedback ? options.screen(await show(verdict.feedback), opened.guardKey, [opened.prompt, ...seen]) : '';
      const feedback = screened.trim() ? screened : undefined;
      verdicts.push({ exercise: exercise.id, verdict: verdict.verdict, ...(verdict.misconception ? { misconception: verdict.misconception } : {}) });
      const shown = { exercise: exercise.id, verdict: verdict.verdict, ...(feedback ? { feedback } : {}), ...(verdict.message ? { message: verdict.message } : {}), ...(verdict.misconception ? { misconception: verdict.misconception } : {}) };
      // Per-test results and the learner's own output go to the learner (the teacher's test messages pass the guard first).
      const tests = verdict.tests?.map((test) => {
        const message = test.message ? options.screen(test.message, opened.guardKey, [opened.prompt, ...seen]).trim() : '';
        return { name: test.name, passed: test.passed, ...(message ? { message } : {}) };
      });
      emit({ type: 'verdict', ...shown, ...(tests ? { tests } : {}), ...(verdict.output !== undefined ? { output: verdict.output } : {}) });
      return { shown, tests: verdict.tests?.map((test) => ({ name: test.name, passed: test.passed })) };
    },

    note(text: string, evidence: string[]) {
      const item = `m-${options.newId()}`;
      record({ type: 'memory', payload: { action: 'add', item, text, evidence } });
      return item;
    },

    setProfile(fields: { language?: string; background?: string; goals?: string; tags?: string[] }) {
      const payload = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined && value !== ''));
      if (Object.keys(payload).length > 0) record({ type: 'profile', payload });
      return payload;
    },

    /** Records the progression policy's choice. */
    setActivity(activity: EventPayload<'activity'>) {
      record({ type: 'activity', payload: activity });
    },

    /** Mastery of the skills at hand, for a progress line. */
    progress(skills: readonly string[]) {
      const titles = new Map(publicBundle.course.skills.map((skill) => [skill.id, skill.title]));
      return skills.map((skill) => {
        const current = state.skills[skill];
        // Unpractised skills sit at the prior and statuses use the course map's words (ApiLearnerState), so the app can merge this in.
        const mastery = current?.mastery ?? bktParamsFor(skill, {}).prior;
        return { skill, title: titles.get(skill) ?? skill, mastery, opportunities: current?.opportunities ?? 0, status: current?.mastered ? 'mastered' : current?.opportunities ? 'in-progress' : 'not-started' };
      });
    },
  };
  return session;
}

export type TurnSession = ReturnType<typeof createTurnSession>;
