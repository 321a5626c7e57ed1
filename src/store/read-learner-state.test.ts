import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore, type Store } from './create-store.js';
import { openTestDatabase, openTimeoutMs, testBackends } from './open-test-database.js';
import { countAttempts, parseTestEvent, type AttemptCounts } from './test-events.js';

const backends = await testBackends();
const course = 'calculus';
const initial: AttemptCounts = { events: 0, attempts: {} };
const counting = { fold: countAttempts, initial, version: 'count-1' };

describe.each(backends)('learner state on $name', (backend) => {
  let store: Store;
  beforeAll(async () => {
    if (!backend.available) return;
    store = createStore({ database: await openTestDatabase(backend.name), parseEvent: parseTestEvent, clock: { now: () => new Date('2026-02-01T09:00:00Z') } });
  }, openTimeoutMs);
  afterAll(async () => store?.close());

  /** Appends `count` attempts on exercises e0..e2, every third one correct. */
  async function practise(learner: string, count: number, batch = 10): Promise<void> {
    for (let start = 0; start < count; start += batch) {
      const events = Array.from({ length: Math.min(batch, count - start) }, (_, offset) => {
        const index = start + offset;
        return { type: 'attempt', payload: { exercise: `e${index % 3}`, correct: index % 3 === 0 } };
      });
      await store.appendEvents({ learner, course, courseVersion: 'v1', events });
    }
  }

  /** The state computed the slow way: every event from the start. */
  async function fullReplay(learner: string): Promise<AttemptCounts> {
    const events = await store.readEvents({ learner, course, limit: 100_000 });
    return countAttempts(initial, events);
  }

  it.skipIf(!backend.available)('is the initial state for a learner with no events', async () => {
    const read = await store.readLearnerState('nobody', course, counting);
    expect(read).toEqual({ state: initial, sequence: 0, replayed: 0, snapshotWritten: false, recent: { payloads: [], total: 0 } });
  });

  it.skipIf(!backend.available)('equals a full replay, and after a snapshot replays only the new tail', async () => {
    await practise('ada', 120);
    const first = await store.readLearnerState('ada', course, counting);
    expect(first.replayed).toBe(120);
    expect(first.snapshotWritten).toBe(true);
    expect(first.state.events).toBe(120);
    expect(first.state.attempts.e0).toEqual({ tries: 40, correct: 40 });
    expect(first.state).toEqual(await fullReplay('ada'));

    const second = await store.readLearnerState('ada', course, counting);
    expect(second).toMatchObject({ replayed: 0, snapshotWritten: false, sequence: first.sequence, state: first.state });

    await practise('ada', 5);
    const third = await store.readLearnerState('ada', course, counting);
    expect(third.replayed).toBe(5);
    expect(third.snapshotWritten).toBe(false);
    expect(third.state).toEqual(await fullReplay('ada'));
    expect(third.state.events).toBe(125);
  });

  it.skipIf(!backend.available)('hands the fold each event exactly as the log stores it', async () => {
    await store.appendEvents({ learner: 'eve', course, courseVersion: 'v2', key: 'turn-1', events: [{ type: 'message', payload: { turn: 'turn-1', text: 'hé, ∂f/∂x?' } }, { type: 'attempt', payload: { exercise: 'e1', correct: true } }] });
    const collect = { version: 'collect-1', initial: [] as unknown[], fold: (seen: unknown[], events: readonly unknown[]) => [...seen, ...events] };
    const { state } = await store.readLearnerState('eve', course, collect);
    expect(state).toEqual(await store.readEvents({ learner: 'eve', course }));
    expect(state).toHaveLength(2);
  });

  it.skipIf(!backend.available)('never replays more than a short tail while a learner keeps practising', async () => {
    const replays: number[] = [];
    for (let turn = 0; turn < 30; turn += 1) {
      await practise('grace', 5);
      replays.push((await store.readLearnerState('grace', course, counting)).replayed);
    }
    expect(Math.max(...replays)).toBeLessThanOrEqual(55); // snapshotEvery (50) plus one turn
    const last = await store.readLearnerState('grace', course, counting);
    expect(last.state).toEqual(await fullReplay('grace'));
    expect(last.state.events).toBe(150);
  });

  it.skipIf(!backend.available)('ignores snapshots of another fold version', async () => {
    await practise('lin', 60);
    await store.readLearnerState('lin', course, counting); // snapshot for count-1
    // The new fold counts only correct attempts: reusing the old snapshot would say 60.
    const countCorrect = (state: AttemptCounts, events: readonly { type: string; payload: unknown }[]) =>
      countAttempts(state, events.filter((event) => (event.payload as { correct: boolean }).correct));
    const read = await store.readLearnerState('lin', course, { fold: countCorrect, initial, version: 'count-2' });
    expect(read.replayed).toBe(60);
    expect(read.state.events).toBe(20);
    expect((await store.readLearnerState('lin', course, counting)).replayed).toBe(0);
  });

  it.skipIf(!backend.available)('keeps learners and courses apart, even with a fold that mutates its input', async () => {
    await practise('kim', 3);
    await practise('kai', 2);
    const careless = { ...counting, version: 'careless-1', fold: (state: AttemptCounts, events: readonly unknown[]) => Object.assign(state, { events: state.events + events.length }) };
    const kim = await store.readLearnerState('kim', course, careless);
    const kai = await store.readLearnerState('kai', course, careless);
    expect(kim.state.events).toBe(3);
    expect(kai.state.events).toBe(2);
    expect(initial).toEqual({ events: 0, attempts: {} });
    expect((await store.readLearnerState('kim', 'algebra', careless)).state.events).toBe(0);
  });

  it.skipIf(!backend.available)('returns the latest events of one type with their total, across a snapshot, in the same read', async () => {
    const say = (turn: number) => store.appendEvents({ learner: 'ines', course, courseVersion: 'v1', events: [{ type: 'message', payload: { turn: `t${turn}`, text: `message ${turn}` } }] });
    for (let turn = 1; turn <= 4; turn++) await say(turn);
    await practise('ines', 60); // past the snapshot threshold: the messages are now older than the snapshot
    await store.readLearnerState('ines', course, counting);
    await say(5);
    const read = await store.readLearnerState('ines', course, { ...counting, recent: { type: 'message', limit: 3 } });
    expect(read.replayed).toBe(1);
    expect(read.recent).toEqual({ payloads: [3, 4, 5].map((turn) => ({ turn: `t${turn}`, text: `message ${turn}` })), total: 5 });
    expect(read.state).toEqual(await fullReplay('ines'));
    expect((await store.readLearnerState('ines', 'algebra', { ...counting, recent: { type: 'message', limit: 3 } })).recent).toEqual({ payloads: [], total: 0 });
  });

  it.skipIf(!backend.available)('counts a long conversation from the snapshot on, not from the start', async () => {
    const chatting = { ...counting, version: 'chat-count-1', types: ['attempt'], recent: { type: 'message', limit: 3 } };
    const say = (from: number, count: number) =>
      store.appendEvents({ learner: 'noor', course, courseVersion: 'v1', events: Array.from({ length: count }, (_, index) => ({ type: 'message', payload: { turn: `t${from + index}`, text: `message ${from + index}` } })) });
    await say(1, 130);
    const first = await store.readLearnerState('noor', course, chatting);
    expect(first.recent.total).toBe(130);
    expect(first.snapshotWritten).toBe(true); // 130 messages counted: the snapshot keeps the count
    await say(131, 5);
    const second = await store.readLearnerState('noor', course, chatting);
    expect(second.recent).toEqual({ payloads: [133, 134, 135].map((turn) => ({ turn: `t${turn}`, text: `message ${turn}` })), total: 135 });
    expect(second.snapshotWritten).toBe(false); // only the 5 new messages were counted
    expect(second.state).toEqual(initial); // no attempts: the fold's state did not move
  });

  it.skipIf(!backend.available)('counts from the start with a snapshot that kept no count, or the count of another type', async () => {
    const say = (turn: number) => store.appendEvents({ learner: 'rui', course, courseVersion: 'v1', events: [{ type: 'message', payload: { turn: `t${turn}`, text: 'hi' } }] });
    for (let turn = 1; turn <= 3; turn++) await say(turn);
    await practise('rui', 60);
    expect((await store.readLearnerState('rui', course, { ...counting, version: 'no-count-1' })).snapshotWritten).toBe(true); // no recent: no count kept
    await say(4);
    const messages = await store.readLearnerState('rui', course, { ...counting, version: 'no-count-1', recent: { type: 'message', limit: 2 } });
    expect(messages.recent.total).toBe(4);
    expect(messages.state).toEqual(await fullReplay('rui'));
    const attempts = await store.readLearnerState('rui', course, { ...counting, version: 'no-count-1', recent: { type: 'attempt', limit: 1 } });
    expect(attempts.recent.total).toBe(60);
  });

  it.skipIf(!backend.available)('keeps state and count right through many snapshots of a mixed history', async () => {
    const options = { ...counting, version: 'mixed-1', types: ['attempt'], snapshotEvery: 4, recent: { type: 'message', limit: 2 } };
    let messages = 0;
    let snapshots = 0;
    for (let step = 0; step < 40; step++) {
      const chat = step % 7 < 4; // runs of messages, then of attempts
      const count = 1 + (step % 3);
      if (chat) {
        await store.appendEvents({ learner: 'sol', course, courseVersion: 'v1', events: Array.from({ length: count }, (_, index) => ({ type: 'message', payload: { turn: `s${step}-${index}`, text: 'hello' } })) });
        messages += count;
      } else {
        await practise('sol', count);
      }
      const read = step % 5 === 4 ? await store.appendAndReadLearnerState({ learner: 'sol', course, courseVersion: 'v1', key: `k${step}`, events: [{ type: 'message', payload: { turn: `k${step}`, text: 'and one more' } }] }, options).then((outcome) => outcome.read) : await store.readLearnerState('sol', course, options);
      if (step % 5 === 4) messages += 1;
      if (read.snapshotWritten) snapshots++;
      expect(read.recent.total).toBe(messages);
      const attempts = (await store.readEvents({ learner: 'sol', course, limit: 100_000 })).filter((event) => event.type === 'attempt');
      expect(read.state).toEqual(countAttempts(initial, attempts));
    }
    expect(snapshots).toBeGreaterThan(3);
  });

  it.skipIf(!backend.available)('leaves event types the fold does not read out of the tail and the snapshot count', async () => {
    const attemptsOnly = { ...counting, version: 'attempts-only-1', types: ['attempt'], snapshotEvery: 5 };
    await practise('omar', 3);
    for (let turn = 1; turn <= 6; turn++) await store.appendEvents({ learner: 'omar', course, courseVersion: 'v1', events: [{ type: 'message', payload: { turn: `t${turn}`, text: 'hello' } }] });
    const read = await store.readLearnerState('omar', course, attemptsOnly);
    expect(read.replayed).toBe(3);
    expect(read.snapshotWritten).toBe(false); // 3 attempts, not 9 events
    expect(read.state).toEqual({ events: 3, attempts: { e0: { tries: 1, correct: 1 }, e1: { tries: 1, correct: 0 }, e2: { tries: 1, correct: 0 } } });
    await practise('omar', 3);
    expect((await store.readLearnerState('omar', course, attemptsOnly)).snapshotWritten).toBe(true);
    const afterSnapshot = await store.readLearnerState('omar', course, attemptsOnly);
    expect(afterSnapshot).toMatchObject({ replayed: 0, state: { events: 6 } });
  });

  it.skipIf(!backend.available)('appends and reads in one call: the read sees what was just appended, and a re-sent key appends nothing', async () => {
    await practise('pia', 2);
    const options = { ...counting, version: 'append-read-1', recent: { type: 'message', limit: 5 } };
    const input = { learner: 'pia', course, courseVersion: 'v1', key: 'turn-1', events: [{ type: 'message', payload: { turn: 'turn-1', text: 'hi' } }, { type: 'attempt', payload: { exercise: 'e9', correct: true } }] };
    const first = await store.appendAndReadLearnerState(input, options);
    expect(first.replayed).toBe(false);
    expect(first.events.map((event) => [event.type, event.key])).toEqual([['message', 'turn-1'], ['attempt', 'turn-1']]);
    expect(first.events).toEqual((await store.readEvents({ learner: 'pia', course })).slice(-2));
    expect(first.read.state).toEqual(await fullReplay('pia'));
    expect(first.read.state.attempts.e9).toEqual({ tries: 1, correct: 1 });
    expect(first.read.recent).toEqual({ payloads: [{ turn: 'turn-1', text: 'hi' }], total: 1 });

    const again = await store.appendAndReadLearnerState(input, options);
    expect(again.replayed).toBe(true);
    expect(again.events).toEqual(first.events);
    expect(again.read.state).toEqual(first.read.state);
    expect(await store.readEvents({ learner: 'pia', course })).toHaveLength(4);
  });

  it.skipIf(!backend.available)('revives state that JSON cannot hold as is', async () => {
    type Seen = { lastSeen: Date | null };
    const options = {
      fold: (_state: Seen, events: readonly { time: string }[]) => ({ lastSeen: new Date(events.at(-1)!.time) }),
      initial: { lastSeen: null } as Seen,
      version: 'seen-1',
      snapshotEvery: 0,
      revive: (json: unknown) => ({ lastSeen: new Date((json as { lastSeen: string }).lastSeen) }),
    };
    await practise('max', 1);
    await store.readLearnerState('max', course, options); // writes a snapshot
    const read = await store.readLearnerState('max', course, options);
    expect(read.replayed).toBe(0);
    expect(read.state.lastSeen).toEqual(new Date('2026-02-01T09:00:00Z'));
  });
});
