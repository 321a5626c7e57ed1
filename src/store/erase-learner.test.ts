import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore, type Store } from './create-store.js';
import { eraseLearner } from './erase-learner.js';
import { openTestDatabase, openTimeoutMs, testBackends } from './open-test-database.js';
import { countAttempts, parseTestEvent } from './test-events.js';

const backends = await testBackends();

describe.each(backends)('erasing a learner on $name', (backend) => {
  let store: Store;
  beforeAll(async () => {
    if (!backend.available) return;
    store = createStore({ database: await openTestDatabase(backend.name), parseEvent: parseTestEvent });
  }, openTimeoutMs);
  afterAll(async () => store?.close());

  it.skipIf(!backend.available)('deletes everything the learner left and nothing of anyone else, and the log stays append-only', async () => {
    const { db } = store;
    const [ada, bea] = await db.insertInto('users').values([{ email: 'ada@example.org', name: 'Ada' }, { email: 'bea@example.org', name: 'Bea' }]).returning('id').execute();
    for (const learner of [ada!.id, bea!.id]) {
      await store.appendEvents({ learner, course: 'calculus', courseVersion: 'v1', key: 't1', events: [{ type: 'message', payload: { turn: 't1', text: 'hi' } }, { type: 'attempt', payload: { exercise: 'e1', correct: true } }], messages: [{ turn: 't1', role: 'learner', text: 'hi' }] });
      const counting = { fold: countAttempts, initial: { events: 0, attempts: {} }, version: 'count-1', snapshotEvery: 0 };
      await store.readLearnerState(learner, 'calculus', counting); // stores a snapshot
      await store.readLearnerState(learner, 'calculus', counting); // after that write
      await db.insertInto('unanswered_questions').values({ course: 'calculus', course_version: 'v1', learner, turn: 't1', question: 'why?', language: null, nearest_chunks: '[]' }).execute();
    }
    await db.insertInto('auth_sessions').values({ id_hash: 'ada-session', user_id: ada!.id, expires_at: new Date(Date.now() + 60_000) }).execute();

    expect(await eraseLearner(store.db, ada!.id)).toEqual({ events: 2, messages: 1 });
    const left = async (table: 'events' | 'snapshots' | 'messages' | 'unanswered_questions') => (await store.db.selectFrom(table).select('learner').execute()).map((row) => row.learner);
    for (const table of ['events', 'snapshots', 'messages', 'unanswered_questions'] as const) expect(new Set(await left(table))).toEqual(new Set([bea!.id]));
    expect((await store.db.selectFrom('users').select('email').execute()).map((row) => row.email)).toEqual(['bea@example.org']);
    expect(await store.db.selectFrom('auth_sessions').selectAll().execute()).toEqual([]);
    // Outside the erasure the log is as it was: no delete, no update.
    await expect(sql`delete from events where learner = ${bea!.id}`.execute(store.db)).rejects.toThrow(/append-only: DELETE/);
    await expect(sql`update events set type = 'x'`.execute(store.db)).rejects.toThrow(/append-only: UPDATE/);
    expect(await eraseLearner(store.db, ada!.id)).toEqual({ events: 0, messages: 0 }); // again: nothing left
  });
});
