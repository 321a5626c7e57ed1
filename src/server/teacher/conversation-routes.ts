// The tutor conversations of a course, for its teacher: search, filter, flag; and the questions
// the course could not answer, which the teacher marks answered or dismissed.
import { Hono } from 'hono';
import { sql } from 'kysely';
import { z } from 'zod';
import type { EventPayload } from '../../learner/index.js';
import { replyKey } from '../../tutor/index.js';
import type { ApiConversationMessage, ApiQuestionUpdate } from '../api-types.js';
import { validate } from '../http-errors.js';
import { readShownParts, shownPartsKey } from '../learner/read-shown-parts.js';
import type { ServerContext } from '../server-context.js';
import { learnerDisplayName } from './learner-display-name.js';
import type { TeacherEnv } from './teacher-variables.js';

const conversationLimit = 200;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const conversationQuery = z.object({
  q: z.string().trim().max(200, 'a search has at most 200 characters').optional(),
  flagged: z.enum(['true', 'false'], 'flagged is true or false').optional(),
  learner: z.string().trim().optional(),
});
const flagBody = z.object({ flagged: z.boolean('flagged is true or false'), reason: z.string().trim().max(500, 'a reason has at most 500 characters').optional() });
const questionBody = z.object({
  status: z.enum(['open', 'answered', 'dismissed'], 'status is open, answered or dismissed'),
  note: z.string().trim().max(2000, 'a note has at most 2,000 characters').optional(),
});

/** Escapes LIKE's wildcards, so a search for "50%" finds "50%" and not everything after "50". */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;

export function conversationRoutes(context: ServerContext) {
  const { db } = context.store;
  const app = new Hono<TeacherEnv>();

  const selectMessages = (course: string) =>
    db
      .selectFrom('messages')
      .leftJoin('users', (join) => join.on(sql`users.id::text`, '=', sql.ref('messages.learner')))
      .select(['messages.id', 'messages.turn', 'messages.learner', 'messages.role', 'messages.text', 'messages.created_at', 'messages.flagged', 'messages.flag_reason', 'users.name', 'users.email'])
      .where('messages.course', '=', course);

  type MessageRow = Awaited<ReturnType<ReturnType<typeof selectMessages>['executeTakeFirstOrThrow']>>;
  const toApiMessage = (row: MessageRow): ApiConversationMessage => ({
    id: row.id,
    learner: { id: row.learner, name: learnerDisplayName({ id: row.learner, name: row.name, email: row.email }) },
    turn: row.turn,
    role: row.role,
    text: row.text,
    time: new Date(row.created_at).toISOString(),
    flagged: row.flagged,
    flagReason: row.flag_reason,
  });

  /**
   * Newest first, at most 200; narrow with q (words in the text), flagged and learner (an id). A tutor
   * message carries what it showed besides its words (`parts`: exercises, hints, verdicts, as the
   * learner's chat shows them); a command turn's reply has no words, and is left out when it showed
   * nothing either.
   */
  app.get('/:course/conversations', validate('query', conversationQuery), async (c) => {
    const { course } = c.get('teaching');
    const { q, flagged, learner } = c.req.valid('query');
    let query = selectMessages(course);
    if (q) query = query.where(sql<boolean>`messages.text ilike ${likePattern(q)} escape '\\'`);
    if (flagged) query = query.where('messages.flagged', '=', flagged === 'true');
    if (learner) query = query.where('messages.learner', '=', learner);
    const rows = await query.orderBy('messages.created_at', 'desc').orderBy('messages.role', 'desc').limit(conversationLimit).execute();
    // What the checker said about an answer, beside the learner's message that gave it (its attempts are stored with the turn's reply).
    const answers = rows.filter((row) => row.role === 'learner');
    const attempts =
      answers.length === 0
        ? []
        : await db
            .selectFrom('events')
            .select(['learner', 'idempotency_key', 'payload'])
            .where('course', '=', course)
            .where('type', '=', 'attempt')
            .where('learner', 'in', [...new Set(answers.map((row) => row.learner))]) // the (learner, course, key) index, not every attempt of the course
            .where('idempotency_key', 'in', answers.map((row) => replyKey(row.turn)))
            .execute();
    const verdictsOf = new Map<string, NonNullable<ApiConversationMessage['verdicts']>>();
    for (const attempt of attempts) {
      const { exercise, verdict } = (typeof attempt.payload === 'string' ? JSON.parse(attempt.payload) : attempt.payload) as EventPayload<'attempt'>;
      const key = `${attempt.learner}\u0000${attempt.idempotency_key}`;
      verdictsOf.set(key, [...(verdictsOf.get(key) ?? []), { exercise, verdict }]);
    }
    const bundle = (await context.catalog.bundle(course))!; // the gate checked it is published
    const partsOf = await readShownParts(db, bundle, rows.filter((row) => row.role === 'tutor'));
    const messages = rows.flatMap((row): ApiConversationMessage[] => {
      if (row.role === 'learner') {
        const verdicts = verdictsOf.get(`${row.learner}\u0000${replyKey(row.turn)}`);
        return [{ ...toApiMessage(row), ...(verdicts ? { verdicts } : {}) }];
      }
      const parts = partsOf.get(shownPartsKey(row.learner, row.turn));
      return row.text || parts ? [{ ...toApiMessage(row), ...(parts ? { parts } : {}) }] : [];
    });
    return c.json({ messages });
  });

  app.post('/:course/messages/:id/flag', validate('json', flagBody), async (c) => {
    const { course } = c.get('teaching');
    const id = c.req.param('id');
    const { flagged, reason } = c.req.valid('json');
    const updated = uuidPattern.test(id)
      ? await db.updateTable('messages').set({ flagged, flag_reason: flagged ? (reason ?? null) : null }).where('id', '=', id).where('course', '=', course).returning('id').executeTakeFirst()
      : undefined;
    if (!updated) return c.json({ error: `course "${course}" has no message ${id}` }, 404);
    return c.json({ message: toApiMessage(await selectMessages(course).where('messages.id', '=', id).executeTakeFirstOrThrow()) });
  });

  app.post('/:course/questions/:id', validate('json', questionBody), async (c) => {
    const { course } = c.get('teaching');
    const id = c.req.param('id');
    const { status, note } = c.req.valid('json');
    const updated = uuidPattern.test(id)
      ? await db
          .updateTable('unanswered_questions')
          .set({ status, ...(note === undefined ? {} : { teacher_note: note || null }), resolved_at: status === 'open' ? null : context.clock.now() })
          .where('id', '=', id)
          .where('course', '=', course)
          .returning(['id', 'question', 'status', 'teacher_note', 'resolved_at'])
          .executeTakeFirst()
      : undefined;
    if (!updated) return c.json({ error: `course "${course}" has no question ${id}` }, 404);
    const question: ApiQuestionUpdate = { id: updated.id, question: updated.question, status: updated.status, note: updated.teacher_note, resolvedAt: updated.resolved_at ? new Date(updated.resolved_at).toISOString() : null };
    return c.json({ question });
  });

  return app;
}
