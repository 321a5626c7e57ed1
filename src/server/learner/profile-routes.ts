// What Primer knows about me in a course: the profile and the memory items the tutor noted.
// Both are events (profile, memory), so changes are part of the learner's log and of the export.
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { z } from 'zod';
import type { JournalEvent } from '../../tutor/index.js';
import type { ApiMemoryItem } from '../api-types.js';
import { validate } from '../http-errors.js';
import type { ServerContext } from '../server-context.js';
import { languageTagSchema } from './course-routes.js';
import type { LearnerCourse, LearnerVariables } from './learner-course.js';
import { profileView } from './learner-state-view.js';

const profileSchema = z.object({
  language: languageTagSchema.optional(),
  background: z.string().max(2000).optional(),
  tags: z.array(z.string().min(1).max(80)).max(30).optional(),
  goals: z.string().max(1000).optional(),
  pace: z.enum(['slow', 'steady', 'fast']).optional(),
});

const memoryTextSchema = z.object({ text: z.string().trim().min(1, 'the text is empty; delete the item instead').max(500) });

/** Appends events the learner made outside a tutor turn (each change has its own key). */
const record = (course: LearnerCourse, events: JournalEvent[]) => course.journal.append({ learner: course.account.id, key: `change:${randomUUID()}`, events });

export function profileRoutes(context: ServerContext) {
  const app = new Hono<{ Variables: LearnerVariables }>();

  app.get('/courses/:course/profile', async (c) => {
    const course = c.get('learnerCourse');
    return c.json(profileView((await course.journal.read(course.account.id)).state));
  });

  // Fields left out stay as they are; an empty text clears its field; `tags` is replaced (send [] to clear it).
  app.put('/courses/:course/profile', validate('json', profileSchema), async (c) => {
    const course = c.get('learnerCourse');
    const fields = Object.fromEntries(Object.entries(c.req.valid('json')).filter(([, value]) => value !== undefined));
    await record(course, [{ type: 'profile', payload: fields }]);
    return c.json(profileView((await course.journal.read(course.account.id)).state));
  });

  app.get('/courses/:course/memory', async (c) => {
    const course = c.get('learnerCourse');
    const memory: ApiMemoryItem[] = (await course.journal.read(course.account.id)).state.memory;
    return c.json({ memory });
  });

  app.patch('/courses/:course/memory/:item', validate('json', memoryTextSchema), async (c) => {
    const course = c.get('learnerCourse');
    const item = c.req.param('item');
    const { state } = await course.journal.read(course.account.id);
    if (!state.memory.some((candidate) => candidate.id === item)) return c.json({ error: `there is no memory item "${item}"; it may have been deleted` }, 404);
    await record(course, [{ type: 'memory', payload: { action: 'correct', item, text: c.req.valid('json').text } }]);
    const updated = (await course.journal.read(course.account.id)).state.memory.find((candidate) => candidate.id === item)!;
    return c.json(updated satisfies ApiMemoryItem);
  });

  app.delete('/courses/:course/memory/:item', async (c) => {
    const course = c.get('learnerCourse');
    const item = c.req.param('item');
    const { state } = await course.journal.read(course.account.id);
    if (!state.memory.some((candidate) => candidate.id === item)) return c.json({ error: `there is no memory item "${item}"; it may have been deleted already` }, 404);
    await record(course, [{ type: 'memory', payload: { action: 'delete', item } }]);
    return c.body(null, 204);
  });

  return app;
}
