// One tutor turn (DESIGN "One tutor turn"): store the learner's message → fold learner state → the
// progression policy picks the activity → assemble context from public content only → stream through
// the router with tools → output guard per sentence → store the reply and tool events (mastery is a
// fold over them). With no model, the same turn teaches from the course and says the assistant is offline.
import { stepCountIs } from 'ai';
import type { CourseBundle, PublicBundle } from '../../course/index.js';
import type { FreeResponseGrader, Sandbox } from '../../exercise/index.js';
import { createMemoryTranslationCache, createTranslator, detectLanguage, detectLearnerLanguage, languageName, languageNameIn, phrasesFor, type Phrases, type Translator } from '../../i18n/index.js';
import type { LearnerState, ShownPart } from '../../learner/index.js';
import type { ModelRouter } from '../../models/index.js';
import { assembleContext, type LearnerView } from '../context/assemble-context.js';
import { createCourseIndex } from '../context/course-index.js';
import { policyV1, type PolicyPrompt } from '../prompts/policy-v1.js';
import { createTutorTools } from '../tools/create-tutor-tools.js';
import { advanceActivity } from './advance-activity.js';
import { asksForHint, lessonAskedFor } from './message-intents.js';
import { createModelGrader } from './model-grader.js';
import { noModelReply } from './no-model-reply.js';
import { createAnswerLeakGuard, type OutputGuard } from './output-guard.js';
import { relayGuardedReply } from './relay-guarded-reply.js';
import { replaySummary } from './replay-summary.js';
import { createTurnSession, type TurnSession } from './turn-session.js';
import type { TurnRequest, TurnSummary, TutorStreamPart } from './turn-types.js';
import { replyKey, type JournalEvent, type LearnerSnapshot, type TutorJournal } from './tutor-journal.js';

export interface TutorOptions {
  course: CourseBundle;
  router: ModelRouter;
  journal: TutorJournal;
  clock: { now(): Date };
  random: () => number;
  guard?: OutputGuard;
  /** Default: the router's `translate` task over an in-memory cache. */
  translator?: Translator;
  /** Runs code exercises; without it they are not checked. */
  sandbox?: Sandbox;
  /** Grades free-response answers; default: the router's `grade` task. */
  grader?: FreeResponseGrader;
  policy?: PolicyPrompt;
  budgetTokens?: number;
}

export interface Tutor {
  /** Runs one turn; `onPart` receives each learner-visible part as soon as it is safe to show. */
  turn(request: TurnRequest, onPart?: (part: TutorStreamPart) => void): Promise<TurnSummary>;
}

const guardContextMessages = 8; // the learner's latest messages the guard reads as context (they may echo their own answers)

/** How much of a program's printout the chat keeps for later. */
const keptOutputChars = 4000;

export function createTutor(options: TutorOptions): Tutor {
  const { course, router, journal, clock } = options;
  const bundle = course.public;
  const index = createCourseIndex(bundle);
  const guard = options.guard ?? createAnswerLeakGuard();
  const policy = options.policy ?? policyV1;
  const translator = options.translator ?? createTranslator({ router, cache: createMemoryTranslationCache(), glossary: bundle.course.glossary, course: bundle.course.id });
  const grader = options.grader ?? createModelGrader(router, bundle.course.id);
  const newId = () => Math.floor(options.random() * 2 ** 48).toString(36);

  return {
    async turn(request, onPart) {
      const action = request.action ?? { type: 'message' as const };
      const parts: TutorStreamPart[] = [];
      const emit = (part: TutorStreamPart) => {
        parts.push(part);
        onPart?.(part);
      };
      // 1. The learner's message is stored before anything else; a re-sent turn id is recognised here.
      // 2. Fold the learner's state (in the same round trip).
      const detected = detectLanguage(request.text);
      const { snapshot, ...stored } = await journal.appendAndRead({ learner: request.learner, key: request.turnId, events: [{ type: 'message', payload: { turn: request.turnId, role: 'learner', text: request.text, ...(detected?.reliable ? { language: detected.language } : {}) } }] });
      if (stored.replayed) {
        const reply = await journal.find(request.learner, replyKey(request.turnId));
        if (reply.length > 0) return replaySummary(request.turnId, reply, emit);
      }
      const learnerTexts = snapshot.messages.filter((message) => message.role === 'learner').map((message) => message.text);
      const language = action.type === 'language' ? action.language : (snapshot.state.profile.language ?? detectLearnerLanguage(learnerTexts.slice(-5)) ?? bundle.course.language);
      const screen = (text: string, key: Parameters<OutputGuard['prepare']>[0], context: readonly string[]) => {
        const check = guard.prepare(key, context);
        const splitter = guard.splitter();
        return [...splitter.push(text), ...splitter.end()].filter((sentence) => !check(sentence).leak).join('');
      };
      const t = phrasesFor(language);
      const session = createTurnSession({ bundle: course, learner: request.learner, state: snapshot.state, language, phrases: t, translator, emit, now: () => clock.now(), newId, screen, grader, ...(options.sandbox ? { sandbox: options.sandbox } : {}) });
      const summary: TurnSummary = { turnId: request.turnId, replayed: false, mode: 'command', language, text: '', parts, tools: [], verdicts: session.verdicts, hints: session.hints, citations: [], leaksBlocked: 0, tokens: { input: 0, output: 0, prompt: 0, stablePrefix: 0 }, notices: [] };
      const say = (text: string) => {
        if (!text) return;
        const spaced = summary.text && !/\s$/.test(summary.text) ? ` ${text}` : text;
        summary.text += spaced;
        emit({ type: 'text-delta', text: spaced });
      };
      const notice = (code: Extract<TutorStreamPart, { type: 'notice' }>['code'], message: string, count?: number) => {
        summary.notices.push(message);
        emit({ type: 'notice', code, message, ...(count !== undefined ? { count } : {}) });
      };
      /** The open exercise's next rung, or a notice of why there is none (locked until more attempts, or none left). */
      const giveHint = async () => {
        const hint = await session.giveHint();
        if (!hint.given) notice(hint.reason === 'locked' ? 'hint-locked' : 'not-found', hint.message, hint.reason === 'locked' ? hint.attemptsLeft : undefined);
      };

      // 3. Commands act without a model; a message or an answer goes on to the model.
      let shownExercise = false;
      let shownLesson = false;
      let went = false; // to the lesson the message asked for
      let answered: { verdict: string; feedback?: string } | undefined;
      const named = action.type === 'answer' || action.type === 'hint' ? action.exercise : undefined;
      const unanswered: string[][] = []; // nearest chunk ids of each search that found nothing
      if (action.type === 'language') {
        session.setProfile({ language: action.language });
        say(t('reply.language-switched', { language: languageNameIn(action.language, t.language) }));
      } else if (action.type === 'lesson') {
        shownLesson = Boolean(await session.openLesson(action.lesson));
        if (!shownLesson) notice('not-found', t('notice.no-such-lesson', { id: action.lesson }));
      } else if (action.type === 'exercise') {
        shownExercise = Boolean(await session.openExercise(action.exercise));
        if (!shownExercise) notice('not-found', t('notice.no-such-exercise', { id: action.exercise }));
      } else if (named !== undefined && !bundle.exercises.some((exercise) => exercise.id === named)) {
        notice('not-found', t('notice.no-such-exercise', { id: named }));
      } else {
        // A message from beside a lesson is about that lesson: the tutor moves to it when it is on another one.
        const viewed = action.type === 'message' && request.lesson !== undefined ? bundle.lessons.find((lesson) => lesson.id === request.lesson) : undefined;
        if (viewed && session.state.activity?.lesson !== viewed.id) shownLesson = Boolean(await session.openLesson(viewed.id));
        // "Let's go to the chain rule": the lesson the message asks for, with a model or without.
        const askedFor = action.type === 'message' ? lessonAskedFor(request.text, bundle.lessons) : undefined;
        if (askedFor && session.state.activity?.lesson !== askedFor.id) went = Boolean(await session.openLesson(askedFor.id));
        shownLesson ||= went;
        // An answer or a hint for a named exercise acts on that one: open it first when another is open.
        if (named !== undefined && session.state.activity?.exercise !== named) shownExercise = Boolean(await session.openExercise(named));
        // 4. The progression policy picks the activity when there is none or the current one is done.
        shownExercise = (await advanceActivity(session, bundle, action.type === 'message' ? 'when-done' : 'practise', clock.now(), options.random)) || shownExercise;
        if (action.type === 'hint') {
          await giveHint();
        } else if (action.type === 'answer') {
          const checked = await session.checkAnswer(action.answer);
          if (!checked) notice('not-found', t('notice.nothing-to-answer'));
          else answered = checked.shown;
        }
      }

      if (action.type === 'message' || (action.type === 'answer' && answered)) {
        const message = answered ? `My answer: ${action.type === 'answer' ? action.answer : ''}\n(The checker says: ${answered.verdict}${answered.feedback ? `; teacher's feedback shown to me: ${answered.feedback}` : ''}. Respond to this without giving the answer.)` : request.text;
        summary.mode = 'model';
        const offline = await modelReply({ session, message, language, phrases: t, snapshot, request, summary, say, notice, emit, evidence: stored.events.map((event) => event.id), onNothingFound: (nearest) => unanswered.push(nearest) });
        if (offline !== undefined) {
          summary.mode = 'no-model';
          summary.offline = offline;
          notice('offline', t('notice.offline'));
          if (action.type === 'message' && session.current() && asksForHint(request.text)) {
            await giveHint(); // "give me a hint" in words: the next rung, as /hint gives it (a model would call give_hint)
          } else {
            const practise = (another = false) => advanceActivity(session, bundle, another ? 'another' : 'practise', clock.now(), options.random);
            const reply = await noModelReply({ session, index, phrases: t, practise, action, message: request.text, ...(detected?.reliable ? { messageLanguage: detected.language } : {}), shownExercise, shownLesson, went, said: snapshot.messages.filter((message) => message.role === 'tutor').map((message) => message.text), ...(answered ? { answered } : {}) });
            say(reply.text);
            summary.citations = reply.citations; // what the reply quotes, not the prompt no model read
            if (reply.uncovered) unanswered.push([]);
          }
        }
      }
      // Questions the course could not answer go to the teacher's dashboard (once per turn).
      if (unanswered.length > 0 && journal.recordQuestion) {
        await journal.recordQuestion({ learner: request.learner, turn: request.turnId, question: request.text, ...(detected?.reliable ? { language: detected.language } : {}), nearest: [...new Set(unanswered.flat())] });
      }

      // 5. Store the reply with the turn's events; mastery is their fold.
      const skills = session.current()?.exercise.skills ?? bundle.lessons.find((lesson) => lesson.id === session.state.activity?.lesson)?.skills ?? [];
      if (skills.length) emit({ type: 'progress', skills: session.progress(skills) });
      // What the reply showed, kept for the chat after a reload; a program's printout only in part (it was seen whole).
      const shown = summary.parts
        .filter((part): part is ShownPart => part.type === 'exercise' || part.type === 'hint' || part.type === 'verdict')
        .map((part) => (part.type === 'verdict' && part.output && part.output.length > keptOutputChars ? { ...part, output: `${part.output.slice(0, keptOutputChars)}\n…` } : part));
      const events: JournalEvent[] = [...session.events, { type: 'message', payload: { turn: request.turnId, role: 'tutor', text: summary.text, language } }];
      if (shown.length > 0) events.push({ type: 'shown', payload: { turn: request.turnId, parts: shown } });
      await journal.append({ learner: request.learner, key: replyKey(request.turnId), events, citations: summary.citations });
      const activity = session.state.activity;
      if (activity) summary.activity = { kind: activity.kind, reason: activity.reason, ...(activity.lesson ? { lesson: activity.lesson } : {}), ...(activity.exercise ? { exercise: activity.exercise } : {}) };
      return summary;
    },
  };

  /** Streams the model's reply through the guard; returns why there is no model, or undefined when it answered. */
  async function modelReply(turn: {
    session: TurnSession;
    message: string;
    language: string;
    phrases: Phrases;
    snapshot: LearnerSnapshot;
    request: TurnRequest;
    summary: TurnSummary;
    say: (text: string) => void;
    notice: (code: 'answer-withheld' | 'language-retry', message: string) => void;
    emit: (part: TutorStreamPart) => void;
    evidence: string[];
    onNothingFound: (nearest: string[]) => void;
  }): Promise<string | undefined> {
    const { session, summary, request } = turn;
    const history = turn.snapshot.messages.filter((message) => message.turn !== request.turnId);
    const opened = session.current();
    const context = assembleContext({
      bundle,
      index,
      policy,
      ...(session.state.activity?.lesson ? { lesson: session.state.activity.lesson } : {}),
      ...(opened ? { exercise: { id: opened.exercise.id, prompt: opened.prompt } } : {}),
      learner: learnerView(session.state, turn.language, bundle),
      // The whole conversation the journal returned: assembleContext folds older messages into a rolling
      // summary that moves in steps, so prompts grow append-only and a provider's cache reuses them.
      turns: history.map(({ role, text }) => ({ role, text })),
      earlierMessages: turn.snapshot.messageCount - turn.snapshot.messages.length,
      message: turn.message,
      ...(options.budgetTokens ? { budgetTokens: options.budgetTokens } : {}),
    });
    summary.citations = context.citations;
    summary.tokens.prompt = context.tokens.total;
    summary.tokens.stablePrefix = context.tokens.stablePrefix;
    // What the learner wrote (their own answers may be echoed back); commands other than /answer are not their words.
    const learnerSaid = turn.snapshot.messages
      .filter((message) => message.role === 'learner' && (!message.text.startsWith('/') || message.text.startsWith('/answer')))
      .slice(-guardContextMessages)
      .map((message) => message.text.replace(/^\/answer\s*/, ''));
    let cached: { id: string; seen: number; check: (sentence: string) => { leak: boolean; evidence?: string } } | undefined;
    const check = (sentence: string) => {
      const current = session.current();
      if (!current) return { leak: false };
      if (!cached || cached.id !== current.exercise.id || cached.seen !== session.seen.length) cached = { id: current.exercise.id, seen: session.seen.length, check: guard.prepare(current.guardKey, [current.prompt, ...session.seen, ...learnerSaid]) };
      return cached.check(sentence);
    };
    const progress = opened ? session.state.exercises[opened.exercise.id] : undefined;
    const hardSkill = (opened?.exercise.skills ?? []).some((skill) => bundle.course.skills.find((s) => s.id === skill)?.hard);
    const tools = createTutorTools({ session, index, evidence: turn.evidence, onCall: (name) => summary.tools.push(name), onNothingFound: turn.onNothingFound });

    const attempt = async (extra: { system?: string; messages?: { role: 'user' | 'assistant'; content: string }[]; guardViolation?: boolean; checkLanguage: boolean; withTools: boolean }) => {
      const controller = new AbortController();
      const routed = await router.stream({
        task: 'tutor',
        learner: request.learner,
        course: bundle.course.id,
        signals: { failedAttempts: progress && !progress.solved ? progress.attempts : 0, hardSkill, ...(extra.guardViolation ? { guardViolation: true } : {}) },
        system: extra.system ? `${context.system}\n\n${extra.system}` : context.system,
        messages: [...context.messages, ...(extra.messages ?? [])],
        ...(extra.withTools ? { tools, stopWhen: stepCountIs(4) } : {}),
        abortSignal: controller.signal,
      });
      if (routed.noModel) return { noModel: routed.reason } as const;
      const outcome = await relayGuardedReply({
        stream: routed.result.fullStream,
        check,
        splitter: guard.splitter(),
        emitText: (text) => {
          summary.text += text;
          turn.emit({ type: 'text-delta', text });
        },
        emitToolResult: (tool, output) => turn.emit({ type: 'tool-result', tool, output }),
        ...(extra.checkLanguage ? { language: turn.language } : {}),
        stop: () => controller.abort(),
      });
      summary.tokens.input += outcome.usage.input;
      summary.tokens.output += outcome.usage.output;
      const served = routed.route.servedBy;
      summary.tier = served?.tier ?? routed.route.tier;
      if (served) Object.assign(summary, { provider: served.provider, model: served.model });
      return { outcome } as const;
    };

    let result = await attempt({ checkLanguage: true, withTools: true });
    if ('noModel' in result) return result.noModel;
    if (result.outcome.stopped === 'error' && summary.text === '') return result.outcome.error ?? 'the model failed';
    if (result.outcome.stopped === 'wrong-language') {
      turn.notice('language-retry', turn.phrases('notice.language-retry'));
      result = await attempt({ system: `Reply only in ${languageName(turn.language)}.`, checkLanguage: false, withTools: false });
      if ('noModel' in result) return result.noModel;
    }
    if (result.outcome.stopped === 'leak') {
      summary.leaksBlocked++;
      turn.notice('answer-withheld', turn.phrases('notice.answer-withheld'));
      const so = summary.text.trim();
      result = await attempt({
        guardViolation: true,
        checkLanguage: false,
        withTools: false,
        messages: [...(so ? [{ role: 'assistant' as const, content: so }] : []), { role: 'user', content: `(Note from Primer: your last sentence was withheld because it gave away the answer to the open exercise. Continue in ${languageName(turn.language)} without stating the answer, its value or the correct choice: ask one guiding question or suggest the next step.)` }],
      });
      if ('noModel' in result || result.outcome.stopped === 'leak') {
        if (!('noModel' in result)) summary.leaksBlocked++;
        const hint = await session.giveHint();
        if (!hint.given) turn.say(turn.phrases('reply.your-next-step'));
      }
    }
    return undefined;
  }
}

function learnerView(state: LearnerState, language: string, bundle: PublicBundle): LearnerView {
  const titles = new Map(bundle.course.skills.map((skill) => [skill.id, skill.title]));
  return {
    language,
    ...(state.profile.background ? { background: state.profile.background } : {}),
    ...(state.profile.tags.length ? { tags: state.profile.tags } : {}),
    ...(state.profile.goals ? { goals: state.profile.goals } : {}),
    mastery: Object.entries(state.skills).map(([skill, value]) => ({ skill, title: titles.get(skill) ?? skill, mastery: value.mastery, status: value.mastered ? 'mastered' : 'learning' })),
    memory: state.memory.map((item) => ({ id: item.id, text: item.text })),
    ...(state.activity ? { activity: state.activity.reason } : {}),
  };
}
