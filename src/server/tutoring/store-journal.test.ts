import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asCourseFiles, tinyCourse } from '../../course/__fixtures__/tiny-course.js';
import { compileCourse, type CourseBundle } from '../../course/index.js';
import { parseEventPayload, type EventType } from '../../learner/index.js';
import { openStore, type Store } from '../../store/index.js';
import { createStoreJournal } from './store-journal.js';

const { bundle } = compileCourse(asCourseFiles(tinyCourse)) as { bundle: CourseBundle };
let data: string;
let store: Store;
beforeAll(async () => {
  data = await mkdtemp(path.join(tmpdir(), 'primer-store-journal-'));
  store = await openStore({ kind: 'pglite', dataDir: data }, { parseEvent: (type, payload) => parseEventPayload(type as EventType, payload) });
});
afterAll(async () => {
  await store.close();
  await rm(data, { recursive: true, force: true });
});

describe('the store journal', () => {
  it('returns the latest 40 messages in order, and how many the learner has in all', async () => {
    const journal = createStoreJournal(store, bundle);
    expect(await journal.read('ana')).toMatchObject({ messages: [], messageCount: 0 });
    for (let turn = 1; turn <= 23; turn++) {
      await journal.append({ learner: 'ana', key: `t${turn}`, events: [{ type: 'message', payload: { turn: `t${turn}`, role: 'learner', text: `Question ${turn}?` } }] });
      await journal.append({ learner: 'ana', key: `t${turn}:reply`, events: [{ type: 'message', payload: { turn: `t${turn}`, role: 'tutor', text: `Answer ${turn}.` } }] });
    }
    await journal.append({ learner: 'bo', key: 'b1', events: [{ type: 'message', payload: { turn: 'b1', role: 'learner', text: 'Hello?' } }] });
    const { messages, messageCount } = await journal.read('ana');
    expect(messageCount).toBe(46);
    expect(messages).toHaveLength(40);
    expect(messages[0]).toEqual({ turn: 't4', role: 'learner', text: 'Question 4?' });
    expect(messages.at(-1)).toEqual({ turn: 't23', role: 'tutor', text: 'Answer 23.' });
    expect((await journal.read('bo')).messageCount).toBe(1);
  });

  it('stores a re-sent turn once', async () => {
    const journal = createStoreJournal(store, bundle);
    const event = { type: 'message' as const, payload: { turn: 'c1', role: 'learner' as const, text: 'Hi' } };
    await journal.append({ learner: 'cy', key: 'c1', events: [event] });
    expect((await journal.append({ learner: 'cy', key: 'c1', events: [event] })).replayed).toBe(true);
    expect((await journal.read('cy')).messageCount).toBe(1);
  });
});
