import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startOpenAITestServer, type TestServerRequest } from '../../models/index.js';
import type { Tutor } from '../../tutor/index.js';
import { createApp } from '../create-app.js';
import type { ServerMetrics } from '../server-context.js';
import { createServerTestKit } from '../testing/server-test-kit.js';
import { readTurnStream } from './read-turn-stream.js';
import { turnFailedMessage } from './turn-stream.js';

const model = await startOpenAITestServer({ respond: (request) => (isTranslation(request) ? { reply: `TRADUCIDO ${String(request.messages.at(-1)!.content)}` } : { reply: 'What do you already know about adding?' }) });
const kit = await createServerTestKit({ modelUrl: model.url });
afterAll(async () => {
  await kit.close();
  await model.close();
});
beforeEach(() => model.reset());

const isTranslation = (request: TestServerRequest) => String(request.messages.find((message) => message.role === 'system')?.content ?? '').startsWith('You translate course text');
const turns: Parameters<ServerMetrics['turn']>[0][] = [];
const appWith = (overrides: Partial<typeof kit.context> = {}) => createApp({ ...kit.context, metrics: { turn: (outcome) => turns.push(outcome) }, ...overrides }, { clientAddress: () => 'test', limits: { requestsPerMinute: 100_000 } });
const app = appWith();
const send = (target: ReturnType<typeof createApp>, cookie: string, body: unknown) =>
  target.request('/api/courses/tiny/turns', { method: 'POST', headers: { origin: 'http://localhost', cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('tutor turns with a model', () => {
  it("streams the model's reply as text parts and reports the turn's tier and timing", async () => {
    const learner = await kit.signIn('learner');
    const { chunks, message, text } = await readTurnStream(await send(app, learner.cookie, { turnId: 'm1', text: 'Can you teach me adding?' }));
    expect(text).toBe('What do you already know about adding?');
    expect(chunks.filter((chunk) => chunk.type === 'text-delta').length).toBeGreaterThan(0);
    expect(message?.parts.find((part) => part.type === 'data-turn')).toMatchObject({ data: { mode: 'model', tier: 'local', provider: 'test', replayed: false } });
    expect(turns.at(-1)).toMatchObject({ course: 'tiny', mode: 'model', tier: 'local' });
    expect(turns.at(-1)!.firstPartMs).toBeGreaterThanOrEqual(0);
    const messages = (await (await kit.request('/api/courses/tiny/messages', { cookie: learner.cookie })).json()).messages;
    expect(messages.map((item: { role: string; text: string }) => [item.role, item.text])).toEqual([['learner', 'Can you teach me adding?'], ['tutor', 'What do you already know about adding?']]);
  });

  it('records the question when search_course finds nothing in the course', async () => {
    const learner = await kit.signIn('learner');
    model.enqueue({ toolCalls: [{ name: 'search_course', arguments: { query: 'volcano magma eruption' } }] }, { reply: 'The course does not cover volcanoes, so I noted your question for your teacher.' });
    const { text } = await readTurnStream(await send(app, learner.cookie, { turnId: 'v1', text: 'Why do volcanoes erupt?' }));
    expect(text).toContain('noted your question');
    const rows = await kit.store.db.selectFrom('unanswered_questions').select(['question', 'turn', 'course']).where('learner', '=', learner.id).execute();
    expect(rows).toEqual([{ question: 'Why do volcanoes erupt?', turn: 'v1', course: 'tiny' }]);
  });

  it('translates a lesson once through the shared cache; the second reader gets it without a model call', async () => {
    const first = await kit.signIn('learner');
    const lesson = await (await kit.request('/api/courses/tiny/lessons/multiplying?lang=fr', { cookie: first.cookie })).json();
    expect(lesson).toMatchObject({ language: 'fr', partial: false, title: 'TRADUCIDO Multiplying' });
    const calls = model.requests.filter(isTranslation).length;
    expect(calls).toBeGreaterThan(0);
    const second = await kit.signIn('learner');
    const again = await (await kit.request('/api/courses/tiny/lessons/multiplying?lang=fr', { cookie: second.cookie })).json();
    expect(again).toEqual(lesson);
    expect(model.requests.filter(isTranslation).length).toBe(calls);
  });

  it('ends a turn that fails mid-stream with an error part a person can read, and logs it', async () => {
    const broken: Tutor = {
      async turn(_request, onPart) {
        onPart?.({ type: 'text-delta', text: 'Let us look at' });
        throw new Error('database connection lost');
      },
    };
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const learner = await kit.signIn('learner');
    const { chunks, text } = await readTurnStream(await send(appWith({ tutorFor: () => broken }), learner.cookie, { turnId: 'e1', text: 'hello' }));
    expect(text).toBe('Let us look at');
    expect(chunks.at(-1)).toEqual({ type: 'error', errorText: turnFailedMessage });
    expect(String(logged.mock.calls[0]?.[0])).toContain('Tutor turn e1 in course tiny failed');
    expect(turns.at(-1)).toMatchObject({ mode: 'error' });
    logged.mockRestore();
  });

  it('keeps nothing of a turn whose learner deletes their account while the model is still writing', async () => {
    const learner = await kit.signIn('learner');
    model.enqueue({ fail: 'slow-first-token', delayMs: 1500, reply: 'Think about what adding means to you.' });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const turn = Promise.resolve(send(app, learner.cookie, { turnId: 'x1', text: 'Teach me adding' })).then(readTurnStream);
    await vi.waitFor(() => expect(model.requests.length).toBe(1), { timeout: 10_000 }); // the learner's message is stored; the model is writing
    const erased = await kit.request('/api/auth/me', { method: 'DELETE', cookie: learner.cookie, body: { password: 'a long test password' } });
    expect(await erased.json()).toEqual({ erased: { events: 1, messages: 1 } });
    const { chunks } = await turn;
    expect(chunks.at(-1)).toEqual({ type: 'error', errorText: turnFailedMessage });
    expect(String(logged.mock.calls.at(-1)?.[0])).toContain('Tutor turn x1 in course tiny stopped: its learner was erased meanwhile');
    logged.mockRestore();
    for (const table of ['events', 'messages', 'snapshots', 'unanswered_questions'] as const) {
      expect(await kit.store.db.selectFrom(table).select('learner').where('learner', '=', learner.id).execute()).toEqual([]);
    }
  });
});
