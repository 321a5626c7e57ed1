// Tutor turns: POST /turns streams the reply (useChat) and reads a typed slash command as the action
// its button sends; POST /exercises/:exercise/attempts and /hints are JSON wrappers over the same
// `tutor.turn` (one grading path, one hint ladder).
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { fillPrompt } from '../../exercise/index.js';
import { learnerExercisePrompt, parseLearnerCommand, type TurnAction, type TurnRequest, type TutorStreamPart } from '../../tutor/index.js';
import type { ApiTurnRequest, ApiVerdict } from '../api-types.js';
import { validate } from '../http-errors.js';
import type { ServerContext } from '../server-context.js';
import type { LearnerCourse, LearnerVariables } from './learner-course.js';
import { renderCourseMarkdown } from './course-text.js';
import { learnerStateView } from './learner-state-view.js';
import { createTurnRunner } from './turn-runner.js';
import { streamTurn } from './turn-stream.js';
import { languageTagSchema } from './course-routes.js';

const turnIdSchema = z.string().regex(/^[\w.:-]{1,100}$/, 'expected a turn id of up to 100 letters, digits and . : _ -');
const exerciseIdSchema = z.string().min(1).max(200);

const turnRequestSchema = z.object({
  turnId: turnIdSchema,
  text: z.string(),
  action: z
    .discriminatedUnion('type', [
      z.object({ type: z.literal('message') }),
      z.object({ type: z.literal('answer'), exercise: exerciseIdSchema, answer: z.string() }),
      z.object({ type: z.literal('hint'), exercise: exerciseIdSchema }),
      z.object({ type: z.literal('lesson'), lesson: z.string().min(1).max(200) }),
      z.object({ type: z.literal('exercise'), exercise: exerciseIdSchema }),
      z.object({ type: z.literal('language'), language: languageTagSchema }),
    ])
    .optional(),
  lesson: z.string().min(1).max(200).optional(),
}) satisfies z.ZodType<ApiTurnRequest>;

export function turnRoutes(context: ServerContext) {
  const app = new Hono<{ Variables: LearnerVariables }>();
  const runner = createTurnRunner(context);

  /** 413 for a message over the limit, 429 (with Retry-After) past the turns per minute; undefined to go on. */
  const refuse = async (c: Context<{ Variables: LearnerVariables }>, text: string) => {
    if (text.length > context.limits.messageChars) {
      return c.json({ error: `your message is ${text.length.toLocaleString('en')} characters long; the limit is ${context.limits.messageChars.toLocaleString('en')}. Shorten it or split it into parts.` }, 413);
    }
    const wait = await runner.admit(c.get('learnerCourse').account.id);
    if (wait !== undefined) return c.json({ error: `you have sent ${context.limits.turnsPerMinute} messages in the last minute, the most Primer takes; wait ${wait} seconds and send it again` }, 429, { 'retry-after': String(wait) });
    return undefined;
  };
  const runTurn = ({ account, bundle }: LearnerCourse, request: Omit<TurnRequest, 'learner'>, onPart?: (part: TutorStreamPart) => void) => {
    return runner.run({ course: bundle.public.course.id, tutor: context.tutorFor(bundle), request: { ...request, learner: account.id }, ...(onPart ? { onPart } : {}) });
  };

  app.post('/courses/:course/turns', validate('json', turnRequestSchema), async (c) => {
    const body = c.req.valid('json');
    let action: TurnAction = body.action ?? { type: 'message' };
    if (action.type === 'message') {
      if (body.text.trim() === '') return c.json({ error: 'the message is empty; write something to send' }, 400);
      // A slash command typed in the chat acts as its button would (the same commands as `primer chat`).
      const typed = parseLearnerCommand(body.text);
      if ('error' in typed) return c.json({ error: typed.error }, 400);
      action = typed.action ?? action;
    }
    const refused = await refuse(c, action.type === 'answer' && action.answer.length > body.text.length ? action.answer : body.text);
    if (refused) return refused;
    const course = c.get('learnerCourse'); // read here: the stream runs after this handler has returned
    return streamTurn(body.turnId, (onPart) => runTurn(course, { turnId: body.turnId, text: body.text, action, ...(body.lesson ? { lesson: body.lesson } : {}) }, onPart), { html: (markdown) => renderCourseMarkdown(course.bundle, markdown) });
  });

  app.post('/courses/:course/exercises/:exercise/attempts', validate('json', z.object({ turnId: turnIdSchema, answer: z.string().min(1, 'the answer is empty') })), async (c) => {
    const { account, bundle, journal } = c.get('learnerCourse');
    const exercise = c.req.param('exercise');
    if (!bundle.public.exercises.some((candidate) => candidate.id === exercise)) return c.json({ error: `there is no exercise "${exercise}" in this course` }, 404);
    const { turnId, answer } = c.req.valid('json');
    const refused = await refuse(c, answer);
    if (refused) return refused;
    const parts: TutorStreamPart[] = [];
    const summary = await runTurn(c.get('learnerCourse'), { turnId, text: `/answer ${answer}`, action: { type: 'answer', exercise, answer } }, (part) => parts.push(part));
    const shown = parts.findLast((part) => part.type === 'verdict' && part.exercise === exercise);
    const stored = summary.verdicts.findLast((verdict) => verdict.exercise === exercise); // a replayed turn has only these
    let verdict: ApiVerdict | undefined;
    if (shown?.type === 'verdict') {
      const { type: _type, exercise: _exercise, ...rest } = shown;
      verdict = rest;
    } else if (stored) {
      verdict = { verdict: stored.verdict, ...(stored.misconception ? { misconception: stored.misconception } : {}) };
    }
    if (!verdict) return c.json({ error: summary.notices.join(' ') || 'the answer could not be checked; try again' }, 409);
    const { state } = await journal.read(account.id);
    return c.json({ verdict, state: learnerStateView(state, bundle.public, account.id, context.clock.now()) });
  });

  app.post('/courses/:course/exercises/:exercise/hints', validate('json', z.object({ turnId: turnIdSchema })), async (c) => {
    const { account, bundle, journal } = c.get('learnerCourse');
    const exercise = c.req.param('exercise');
    if (!bundle.public.exercises.some((candidate) => candidate.id === exercise)) return c.json({ error: `there is no exercise "${exercise}" in this course` }, 404);
    const { turnId } = c.req.valid('json');
    const refused = await refuse(c, '');
    if (refused) return refused;
    const parts: TutorStreamPart[] = [];
    const summary = await runTurn(c.get('learnerCourse'), { turnId, text: '/hint', action: { type: 'hint', exercise } }, (part) => parts.push(part));
    const hint = parts.find((part) => part.type === 'hint' && part.exercise === exercise);
    if (hint?.type === 'hint') return c.json({ hint: { rung: hint.rung, text: hint.text, reveals: hint.reveals } });
    // A replayed turn gives the rung it gave before; a revealing rung's text is not kept outside the keys.
    const given = summary.replayed ? summary.hints.find((candidate) => candidate.exercise === exercise) : undefined;
    if (given) {
      const publicExercise = bundle.public.exercises.find((candidate) => candidate.id === exercise)!;
      const authored = publicExercise.hints.find((candidate) => candidate.rung === given.rung)?.text;
      const variant = authored ? (await journal.read(account.id)).state.exercises[exercise]?.variant : undefined; // a template's numbers now
      const text = authored ? fillPrompt(authored, learnerExercisePrompt(bundle, account.id, publicExercise, variant).variables) : '';
      return c.json({ hint: { rung: given.rung, text, reveals: given.reveals }, notice: 'This hint was given before.' });
    }
    const notice = summary.notices.join(' ');
    return c.json({ hint: null, ...(notice ? { notice } : {}) });
  });

  return app;
}
