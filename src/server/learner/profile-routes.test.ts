import { afterAll, describe, expect, it } from 'vitest';
import { createServerTestKit } from '../testing/server-test-kit.js';
import { createStoreJournal } from '../tutoring/store-journal.js';

const kit = await createServerTestKit();
afterAll(() => kit.close());

/** What the tutor's note_learner tool stores: a memory item with this turn's evidence. */
const noteAbout = (learner: string, item: string, text: string) =>
  createStoreJournal(kit.store, kit.course).append({ learner, key: `note-${item}`, events: [{ type: 'memory', payload: { action: 'add', item, text, evidence: [] } }] });

describe('what Primer knows about me', () => {
  it('keeps the profile the learner gives, and changes only the fields sent', async () => {
    const learner = await kit.signIn('learner');
    const saved = await kit.request('/api/courses/tiny/profile', { method: 'PUT', cookie: learner.cookie, body: { language: 'es', background: 'I cook', tags: ['cooking'], pace: 'slow' } });
    expect(await saved.json()).toEqual({ language: 'es', background: 'I cook', tags: ['cooking'], pace: 'slow' });
    await kit.request('/api/courses/tiny/profile', { method: 'PUT', cookie: learner.cookie, body: { goals: 'pass the exam' } });
    expect(await (await kit.request('/api/courses/tiny/profile', { cookie: learner.cookie })).json()).toEqual({ language: 'es', background: 'I cook', tags: ['cooking'], goals: 'pass the exam', pace: 'slow' });
    const cleared = await kit.request('/api/courses/tiny/profile', { method: 'PUT', cookie: learner.cookie, body: { background: '', tags: [] } });
    expect(await cleared.json()).toEqual({ language: 'es', tags: [], goals: 'pass the exam', pace: 'slow' });
    const bad = await kit.request('/api/courses/tiny/profile', { method: 'PUT', cookie: learner.cookie, body: { pace: 'sprint' } });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(/^pace: /);
  });

  it('lets the learner correct and delete what the tutor remembered, and no one else', async () => {
    const learner = await kit.signIn('learner');
    const other = await kit.signIn('learner');
    await noteAbout(learner.id, 'm-1', 'Struggles with carrying');
    await noteAbout(learner.id, 'm-2', 'Likes football');
    const listed = await (await kit.request('/api/courses/tiny/memory', { cookie: learner.cookie })).json();
    expect(listed.memory.map((item: { id: string; text: string }) => [item.id, item.text])).toEqual([['m-1', 'Struggles with carrying'], ['m-2', 'Likes football']]);
    const corrected = await kit.request('/api/courses/tiny/memory/m-1', { method: 'PATCH', cookie: learner.cookie, body: { text: 'Carrying is fine now' } });
    expect(await corrected.json()).toMatchObject({ id: 'm-1', text: 'Carrying is fine now' });
    expect((await kit.request('/api/courses/tiny/memory/m-2', { method: 'DELETE', cookie: learner.cookie })).status).toBe(204);
    const after = await (await kit.request('/api/courses/tiny/memory', { cookie: learner.cookie })).json();
    expect(after.memory.map((item: { text: string }) => item.text)).toEqual(['Carrying is fine now']);
    // Memory items are per account: another learner finds nothing to change.
    expect((await kit.request('/api/courses/tiny/memory/m-1', { method: 'DELETE', cookie: other.cookie })).status).toBe(404);
    expect((await (await kit.request('/api/courses/tiny/memory', { cookie: other.cookie })).json()).memory).toEqual([]);
  });

  it("exports this account's events and messages as a JSON download, and nothing of another learner", async () => {
    const learner = await kit.signIn('learner');
    const other = await kit.signIn('learner');
    await kit.request('/api/courses/tiny/exercises/add-1/attempts', { cookie: learner.cookie, body: { turnId: 'mine', answer: '7' } });
    await kit.request('/api/courses/tiny/exercises/add-1/attempts', { cookie: other.cookie, body: { turnId: 'theirs', answer: '5' } });
    await noteAbout(learner.id, 'm-9', 'Quick with sums');
    const response = await kit.request('/api/me/export', { cookie: learner.cookie });
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="primer-my-data.json"');
    const data = await response.json();
    expect(data.account).toMatchObject({ id: learner.id, role: 'learner' });
    expect(data.events.filter((event: { type: string }) => event.type === 'attempt').map((event: { payload: { answer: string; verdict: string } }) => [event.payload.answer, event.payload.verdict])).toEqual([['7', 'correct']]);
    expect(data.messages.map((message: { turn: string; role: string }) => [message.turn, message.role])).toEqual([['mine', 'learner'], ['mine', 'tutor']]);
    expect(data.courses).toEqual([expect.objectContaining({ course: 'tiny', memory: [expect.objectContaining({ text: 'Quick with sums' })] })]);
    expect(JSON.stringify(data)).not.toContain('theirs');
    // State and messages are always "me": another learner sees their own.
    const theirMessages = (await (await kit.request('/api/courses/tiny/messages', { cookie: other.cookie })).json()).messages;
    expect(theirMessages.map((message: { id: string }) => message.id)).toEqual(['theirs', 'theirs']);
    expect((await kit.request('/api/me/export')).status).toBe(401);
  });
});
