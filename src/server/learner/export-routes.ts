// GET /api/me/export: everything Primer holds about this account, as one JSON download — the
// account, per course the profile and memory (folded from the events), every event and every message.
import { Hono } from 'hono';
import type { AuthVariables } from '../auth/session.js';
import type { ServerContext } from '../server-context.js';
import { createStoreJournal } from '../tutoring/store-journal.js';
import { profileView } from './learner-state-view.js';

const parseJson = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value);

export function exportRoutes(context: ServerContext) {
  const app = new Hono<{ Variables: AuthVariables }>();

  app.get('/me/export', async (c) => {
    const account = c.get('account')!;
    const { db } = context.store;
    const [events, messages] = await Promise.all([
      db.selectFrom('events').select(['id', 'course', 'course_version', 'time', 'type', 'payload', 'idempotency_key']).where('learner', '=', account.id).orderBy('sequence').execute(),
      db.selectFrom('messages').select(['turn', 'course', 'role', 'text', 'language', 'citations', 'created_at']).where('learner', '=', account.id).orderBy('created_at').orderBy('role').execute(),
    ]);
    const courses = [];
    for (const id of [...new Set(events.map((event) => event.course))]) {
      const bundle = await context.catalog.bundle(id);
      if (!bundle) continue; // a course that is gone: its events are still below
      const { state } = await createStoreJournal(context.store, bundle).read(account.id);
      courses.push({ course: id, title: bundle.public.course.title, profile: profileView(state), memory: state.memory });
    }
    const data = {
      exportedAt: context.clock.now().toISOString(),
      account: { id: account.id, email: account.guest ? null : account.email, name: account.name, role: account.role, guest: account.guest },
      courses,
      events: events.map((event) => ({ id: event.id, course: event.course, courseVersion: event.course_version, time: new Date(event.time).toISOString(), type: event.type, payload: parseJson(event.payload), key: event.idempotency_key })),
      messages: messages.map((message) => ({ turn: message.turn, course: message.course, role: message.role, text: message.text, language: message.language, citations: parseJson(message.citations), time: new Date(message.created_at).toISOString() })),
    };
    return c.body(JSON.stringify(data, null, 2), 200, { 'content-type': 'application/json; charset=utf-8', 'content-disposition': 'attachment; filename="primer-my-data.json"' });
  });

  return app;
}
