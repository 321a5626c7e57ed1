import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore, type Store } from './create-store.js';
import { eraseLearner, isLearnerErased } from './erase-learner.js';
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

  it.skipIf(!backend.available)('stores nothing more for an erased learner: a turn still under way is refused, and its model call kept without them', async () => {
    const { db } = store;
    const [cy] = await db.insertInto('users').values([{ email: 'cy@example.org', name: 'Cy' }]).returning('id').execute();
    const learner = cy!.id;
    await store.appendEvents({ learner, course: 'calculus', courseVersion: 'v1', key: 't1', events: [{ type: 'message', payload: { turn: 't1', text: 'hi' } }] });
    await eraseLearner(db, learner);

    const refusal = await store.appendEvents({ learner, course: 'calculus', courseVersion: 'v1', key: 't1-reply', events: [{ type: 'message', payload: { turn: 't1', text: 'hello' } }], messages: [{ turn: 't1', role: 'tutor', text: 'hello' }] }).catch((error: unknown) => error);
    expect(isLearnerErased(refusal)).toBe(true);
    expect(String(refusal)).toMatch(/was erased: nothing more is stored for them/);
    const question = db.insertInto('unanswered_questions').values({ course: 'calculus', course_version: 'v1', learner, turn: 't1', question: 'why?', language: null, nearest_chunks: '[]' }).execute();
    await expect(question).rejects.toSatisfy(isLearnerErased);
    const snapshot = db.insertInto('snapshots').values({ learner, course: 'calculus', fold_version: 'count-1', sequence: 1, state: '{}', created_at: new Date() }).execute();
    await expect(snapshot).rejects.toSatisfy(isLearnerErased);
    await db.insertInto('model_calls').values({ time: new Date(), task: 'tutor', tier: 'local', provider: 'p', model: 'm', outcome: 'ok', learner, course: 'calculus', turn: 't1' }).execute();

    for (const table of ['events', 'snapshots', 'messages', 'unanswered_questions', 'model_calls'] as const) {
      expect(await db.selectFrom(table).select('learner').where('learner', '=', learner).execute()).toEqual([]);
    }
    expect(await db.selectFrom('model_calls').select(['learner', 'turn']).where('turn', '=', 't1').execute()).toEqual([{ learner: null, turn: 't1' }]);
    // Anyone else is stored as before.
    await store.appendEvents({ learner: 'someone-else', course: 'calculus', courseVersion: 'v1', events: [{ type: 'message', payload: { turn: 't1', text: 'hi' } }] });
  });
});

// With PostgreSQL, appends and the erasure run on different connections at once.
const postgres = backends.find((backend) => backend.name === 'postgres')!;
describe.skipIf(!postgres.available)('erasing a learner on PostgreSQL while an append is under way', () => {
  let store: Store;
  beforeAll(async () => {
    store = createStore({ database: await openTestDatabase('postgres'), parseEvent: parseTestEvent });
  }, openTimeoutMs);
  afterAll(async () => store?.close());

  it('erases an append that was under way on another connection when the erasure began', async () => {
    const { db } = store;
    const [dee] = await db.insertInto('users').values([{ email: 'dee@example.org', name: 'Dee' }]).returning('id').execute();
    const learner = dee!.id;
    let erasure: Promise<unknown> | undefined;
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('events').values({ id: '01890000-0000-7000-8000-000000000001', learner, course: 'calculus', course_version: 'v1', time: new Date(), type: 'message', payload: '{}', idempotency_key: null, key_index: null }).execute();
      erasure = eraseLearner(db, learner); // on another connection, while this insert is not yet committed
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    expect(await erasure).toEqual({ events: 1, messages: 0 });
    expect(await db.selectFrom('events').select('id').where('learner', '=', learner).execute()).toEqual([]);
  });
});
