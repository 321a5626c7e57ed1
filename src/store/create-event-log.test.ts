import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore, type Store } from './create-store.js';
import { openTestDatabase, openTimeoutMs, testBackends } from './open-test-database.js';
import { parseTestEvent } from './test-events.js';

const backends = await testBackends();

describe.each(backends)('event log on $name', (backend) => {
  let store: Store;
  let clockMs = Date.parse('2026-01-05T10:00:00Z');
  const clock = { now: () => new Date(clockMs) };

  beforeAll(async () => {
    if (!backend.available) return;
    store = createStore({ database: await openTestDatabase(backend.name), parseEvent: parseTestEvent, clock });
  }, openTimeoutMs);
  afterAll(async () => store?.close());

  const base = { course: 'calculus', courseVersion: 'v1' };

  it.skipIf(!backend.available)('stores events in order with validated payloads and reads them back', async () => {
    const { events, replayed } = await store.appendEvents({
      ...base,
      learner: 'ada',
      events: [
        { type: 'message', payload: { turn: 't1', text: 'What is a derivative?' } },
        { type: 'attempt', payload: { exercise: 'e1', correct: false } },
      ],
    });
    expect(replayed).toBe(false);
    expect(events.map((event) => event.type)).toEqual(['message', 'attempt']);
    expect(events[1]!.payload).toEqual({ exercise: 'e1', correct: false, hintsUsed: 0 }); // default filled in
    expect(events[0]!.time).toBe('2026-01-05T10:00:00.000Z');
    expect(events[0]!.sequence).toBeLessThan(events[1]!.sequence);
    expect(events[0]!.id < events[1]!.id).toBe(true); // time-ordered ids

    clockMs += 1000;
    await store.appendEvents({ ...base, learner: 'ada', events: [{ type: 'attempt', payload: { exercise: 'e1', correct: true } }] });
    await store.appendEvents({ ...base, learner: 'grace', events: [{ type: 'attempt', payload: { exercise: 'e1', correct: true } }] });

    const read = await store.readEvents({ learner: 'ada', course: 'calculus' });
    expect(read.map((event) => [event.type, (event.payload as { correct?: boolean }).correct])).toEqual([
      ['message', undefined],
      ['attempt', false],
      ['attempt', true],
    ]);
    expect(read[0]).toEqual(events[0]);
    const tail = await store.readEvents({ learner: 'ada', course: 'calculus', afterSequence: events[1]!.sequence });
    expect(tail).toHaveLength(1);
    expect(await store.readEvents({ learner: 'ada', course: 'algebra' })).toEqual([]);
  });

  it.skipIf(!backend.available)('rejects a batch with one invalid payload and stores none of it', async () => {
    const attempt = store.appendEvents({
      ...base,
      learner: 'lin',
      events: [
        { type: 'attempt', payload: { exercise: 'e1', correct: true } },
        { type: 'attempt', payload: { exercise: 'e2', correct: 'yes' } },
      ],
    });
    await expect(attempt).rejects.toThrow(/event 1 of type "attempt" has an invalid payload: .*expected boolean.* at correct/);
    await expect(store.appendEvents({ ...base, learner: 'lin', events: [{ type: 'teleport', payload: {} }] })).rejects.toThrow(/unknown event type/);
    expect(await store.readEvents({ learner: 'lin', course: 'calculus' })).toEqual([]);
  });

  it.skipIf(!backend.available)('re-sending an append with the same key stores nothing new', async () => {
    const turn = { ...base, learner: 'kim', key: 'turn-42', events: [{ type: 'message', payload: { turn: 'turn-42', text: 'hi' } }, { type: 'attempt', payload: { exercise: 'e3', correct: true } }] };
    const first = await store.appendEvents(turn);
    const again = await store.appendEvents(turn);
    expect(again.replayed).toBe(true);
    expect(again.events).toEqual(first.events);
    expect(first.events.every((event) => event.key === 'turn-42')).toBe(true);
    // The same key for another learner is a different append.
    const other = await store.appendEvents({ ...turn, learner: 'kai' });
    expect(other.replayed).toBe(false);

    // Concurrent re-sends (a double-clicked button, a retried request) also store it once.
    const racing = await Promise.all([1, 2, 3].map(() => store.appendEvents({ ...turn, key: 'turn-43' })));
    expect(racing.filter((outcome) => !outcome.replayed)).toHaveLength(1);
    expect(new Set(racing.map((outcome) => outcome.events[0]!.id)).size).toBe(1);
    expect(await store.readEvents({ learner: 'kim', course: 'calculus' })).toHaveLength(4);
  });

  it.skipIf(!backend.available)('stores the chat messages an append carries with its events, and not again on a replay', async () => {
    const turn = {
      ...base,
      learner: 'noor',
      key: 'turn-7',
      events: [{ type: 'message', payload: { turn: 'turn-7', text: 'Why does the chain rule multiply?' } }],
      messages: [{ turn: 'turn-7', role: 'learner' as const, text: 'Why does the chain rule multiply?', language: 'en' }],
    };
    await store.appendEvents(turn);
    const replay = await store.appendEvents({ ...turn, messages: [{ ...turn.messages[0]!, text: 'changed on the way' }] });
    expect(replay.replayed).toBe(true);
    await store.appendEvents({ ...base, learner: 'noor', key: 'turn-7:reply', events: [{ type: 'message', payload: { turn: 'turn-7', text: 'Think of rates.' } }], messages: [{ turn: 'turn-7', role: 'tutor', text: 'Think of rates.', citations: ['chain-rule#why'] }] });
    const rows = await store.db.selectFrom('messages').select(['turn', 'role', 'text', 'language', 'citations', 'created_at']).where('learner', '=', 'noor').orderBy('role').execute();
    expect(rows.map(({ turn, role, text, language, citations }) => ({ turn, role, text, language, citations }))).toEqual([
      { turn: 'turn-7', role: 'learner', text: 'Why does the chain rule multiply?', language: 'en', citations: [] },
      { turn: 'turn-7', role: 'tutor', text: 'Think of rates.', language: null, citations: ['chain-rule#why'] },
    ]);
    expect(rows[0]!.created_at.toISOString()).toBe(new Date(clockMs).toISOString());
  });

  it.skipIf(!backend.available)('refuses to update or delete logged events', async () => {
    await store.appendEvents({ ...base, learner: 'max', events: [{ type: 'attempt', payload: { exercise: 'e1', correct: false } }] });
    await expect(sql`update events set payload = '{}'::jsonb where learner = 'max'`.execute(store.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from events where learner = 'max'`.execute(store.db)).rejects.toThrow(/append-only/);
    const [event] = await store.readEvents({ learner: 'max', course: 'calculus' });
    expect(event?.payload).toEqual({ exercise: 'e1', correct: false, hintsUsed: 0 });
  });

  it.skipIf(!backend.available)('loses no event when many appends for the same learners run at once', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        store.appendEvents({ ...base, learner: index % 2 ? 'odd' : 'even', events: [{ type: 'attempt', payload: { exercise: `e${index}`, correct: true } }] }),
      ),
    );
    const even = await store.readEvents({ learner: 'even', course: 'calculus' });
    expect(even.map((event) => (event.payload as { exercise: string }).exercise).sort()).toEqual(['e0', 'e10', 'e12', 'e14', 'e16', 'e18', 'e2', 'e4', 'e6', 'e8']);
  });
});
