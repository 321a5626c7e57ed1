import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../create-app.js';
import type { ApiChatMessage } from '../api-types.js';
import { createServerTestKit } from '../testing/server-test-kit.js';
import { readTurnStream } from './read-turn-stream.js';

// No model URL: every turn is answered in no-model mode, from the course itself.
const kit = await createServerTestKit();
afterAll(() => kit.close());

const turn = (cookie: string, course: string, body: unknown) => kit.request(`/api/courses/${course}/turns`, { cookie, body });

describe('tutor turns over HTTP', () => {
  it('streams a UI message stream: start, text and data parts in order, then how the turn was answered', async () => {
    const learner = await kit.signIn('learner', 'Ana');
    const response = await turn(learner.cookie, 'tiny', { turnId: 'turn-1', text: 'Hello, where do I start?' });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-vercel-ai-ui-message-stream')).toBe('v1');
    const { chunks, message, text } = await readTurnStream(response);
    const types = chunks.map((chunk) => chunk.type);
    expect(types[0]).toBe('start');
    expect(types.at(-1)).toBe('finish');
    expect(types).toContain('data-notice'); // the assistant is offline
    expect(types).toContain('data-lesson'); // and the course teaches its first lesson
    expect(types.indexOf('text-start')).toBeLessThan(types.indexOf('text-delta'));
    expect(types.indexOf('text-delta')).toBeLessThan(types.indexOf('text-end'));
    expect(types.at(-2)).toBe('data-turn');
    expect(message?.id).toBe('turn-1:reply');
    expect(message?.parts.find((part) => part.type === 'data-turn')).toMatchObject({ data: { mode: 'no-model', replayed: false } });
    expect(message?.parts.find((part) => part.type === 'data-lesson')).toMatchObject({ data: { lesson: 'adding', title: 'Adding' } });
    expect(text).toContain("Let's start with Adding.");
  });

  it('replays a re-sent turn id without doing the work again', async () => {
    const learner = await kit.signIn('learner');
    await readTurnStream(await turn(learner.cookie, 'tiny', { turnId: 'open-1', text: '/exercise add-1', action: { type: 'exercise', exercise: 'add-1' } }));
    const first = await readTurnStream(await turn(learner.cookie, 'tiny', { turnId: 'answer-1', text: '/answer 6', action: { type: 'answer', exercise: 'add-1', answer: '6' } }));
    expect(first.message?.parts).toContainEqual(expect.objectContaining({ type: 'data-verdict', data: expect.objectContaining({ exercise: 'add-1', verdict: 'incorrect' }) }));
    const again = await readTurnStream(await turn(learner.cookie, 'tiny', { turnId: 'answer-1', text: '/answer 6', action: { type: 'answer', exercise: 'add-1', answer: '6' } }));
    expect(again.message?.parts.find((part) => part.type === 'data-turn')).toMatchObject({ data: { replayed: true } });
    expect(again.text).toBe(first.text);
    const state = await (await kit.request('/api/courses/tiny/state', { cookie: learner.cookie })).json();
    const exercise = await (await kit.request('/api/courses/tiny/exercises/add-1', { cookie: learner.cookie })).json();
    expect(exercise.progress.attempts).toBe(1); // one attempt, not two
    expect(state.skills.find((skill: { id: string }) => skill.id === 'add').status).toBe('in-progress');
    const messages = (await (await kit.request('/api/courses/tiny/messages', { cookie: learner.cookie })).json()).messages;
    expect(messages.filter((message: { id: string }) => message.id === 'answer-1').map((message: { role: string }) => message.role)).toEqual(['learner', 'tutor']);
  });

  it('a wrong answer then a right one moves mastery on the course map, through the attempts endpoint', async () => {
    const learner = await kit.signIn('learner');
    const before = await (await kit.request('/api/courses/tiny/state', { cookie: learner.cookie })).json();
    const mastery = (state: { skills: { id: string; mastery: number }[] }) => state.skills.find((skill) => skill.id === 'add')!.mastery;
    const wrong = await kit.request('/api/courses/tiny/exercises/add-1/attempts', { cookie: learner.cookie, body: { turnId: 'a1', answer: '8' } });
    expect(wrong.status).toBe(200);
    const afterWrong = await wrong.json();
    expect(afterWrong.verdict.verdict).toBe('incorrect');
    expect(mastery(afterWrong.state)).toBeLessThan(mastery(before));
    const right = await (await kit.request('/api/courses/tiny/exercises/add-1/attempts', { cookie: learner.cookie, body: { turnId: 'a2', answer: '7' } })).json();
    expect(right.verdict.verdict).toBe('correct');
    expect(mastery(right.state)).toBeGreaterThan(mastery(afterWrong.state));
    // what the mastery rests on: the map shows no percentage before the first graded answer
    const opportunities = (state: { skills: { id: string; opportunities: number }[] }) => state.skills.find((skill) => skill.id === 'add')!.opportunities;
    expect([opportunities(before), opportunities(afterWrong.state), opportunities(right.state)]).toEqual([0, 1, 2]);
    expect(right.state.lessons.find((lesson: { id: string }) => lesson.id === 'adding')).toMatchObject({ exercisesSolved: 1 });
    // The same turn id again is the same attempt.
    const replayed = await (await kit.request('/api/courses/tiny/exercises/add-1/attempts', { cookie: learner.cookie, body: { turnId: 'a2', answer: '7' } })).json();
    expect(replayed.verdict.verdict).toBe('correct');
    expect(mastery(replayed.state)).toBe(mastery(right.state));
  });

  it('gives the hint ladder in order and keeps a revealing rung locked until the minimum attempts', async () => {
    const learner = await kit.signIn('learner');
    const first = await (await kit.request('/api/courses/tiny/exercises/mul-choice/hints', { cookie: learner.cookie, body: { turnId: 'h1' } })).json();
    expect(first).toEqual({ hint: { rung: 1, text: 'Add 2 three times.', reveals: false } });
    const locked = await (await kit.request('/api/courses/tiny/exercises/mul-choice/hints', { cookie: learner.cookie, body: { turnId: 'h2' } })).json();
    expect(locked.hint).toBeNull();
    expect(locked.notice).toContain('opens after 2 more attempts');
    const exercise = await (await kit.request('/api/courses/tiny/exercises/mul-choice', { cookie: learner.cookie })).json();
    expect(exercise.progress.hintsSeen).toBe(1);
  });

  it('reads a slash command typed in the chat as its button: /exercise opens, /hint gives the next rung, /answer is checked', async () => {
    const learner = await kit.signIn('learner');
    const opened = await readTurnStream(await turn(learner.cookie, 'tiny', { turnId: 'c1', text: '/exercise mul-choice' }));
    expect(opened.message?.parts).toContainEqual(expect.objectContaining({ type: 'data-exercise', data: { exercise: 'mul-choice', promptHtml: expect.stringMatching(/^<p>Which number is <span class="katex">/), choices: [expect.objectContaining({ html: '<p>5</p>' }), expect.objectContaining({ html: '<p>6</p>' })] } })); // shown in the chat too, as on its card
    const again = await readTurnStream(await turn(learner.cookie, 'tiny', { turnId: 'c1', text: '/exercise mul-choice' }));
    expect(again.message?.parts.filter((part) => part.type === 'data-exercise')).toEqual(opened.message?.parts.filter((part) => part.type === 'data-exercise')); // a re-sent turn shows it again
    const hint = await readTurnStream(await turn(learner.cookie, 'tiny', { turnId: 'c2', text: '/hint' }));
    expect(hint.message?.parts).toContainEqual(expect.objectContaining({ type: 'data-hint', data: expect.objectContaining({ exercise: 'mul-choice', rung: 1, text: 'Add 2 three times.' }) }));
    const answer = await readTurnStream(await turn(learner.cookie, 'tiny', { turnId: 'c3', text: '/answer 5' }));
    expect(answer.message?.parts).toContainEqual(expect.objectContaining({ type: 'data-verdict', data: expect.objectContaining({ exercise: 'mul-choice', verdict: 'incorrect' }) }));
    const exercise = await (await kit.request('/api/courses/tiny/exercises/mul-choice', { cookie: learner.cookie })).json();
    expect(exercise.progress).toMatchObject({ attempts: 1, hintsSeen: 1 });
    const unknown = await turn(learner.cookie, 'tiny', { turnId: 'c4', text: '/dance now' });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error).toBe('unknown command /dance; try /lesson, /exercise, /answer, /hint or /lang');
    const messages: ApiChatMessage[] = (await (await kit.request('/api/courses/tiny/messages', { cookie: learner.cookie })).json()).messages;
    expect(messages.some((message) => message.id === 'c4')).toBe(false); // a refused turn stores nothing
    // After a reload the chat shows what each reply showed: the exercise, the hint, the verdict.
    const shown = (turnId: string) => messages.find((message) => message.id === turnId && message.role === 'tutor')?.parts;
    expect(shown('c1')).toEqual([{ type: 'data-exercise', data: expect.objectContaining({ exercise: 'mul-choice', promptHtml: expect.stringContaining('Which number is') }) }]);
    expect(shown('c2')).toEqual([{ type: 'data-hint', data: { exercise: 'mul-choice', rung: 1, text: 'Add 2 three times.', reveals: false } }]);
    expect(shown('c3')).toEqual([expect.objectContaining({ type: 'data-verdict', data: expect.objectContaining({ exercise: 'mul-choice', verdict: 'incorrect' }) })]);
  });

  it('records a free question the course cannot answer for the teacher', async () => {
    const learner = await kit.signIn('learner');
    await readTurnStream(await turn(learner.cookie, 'tiny', { turnId: 'q1', text: 'Who painted the Mona Lisa?' }));
    await readTurnStream(await turn(learner.cookie, 'tiny', { turnId: 'q2', text: 'How does adding work?' }));
    const rows = await kit.store.db.selectFrom('unanswered_questions').selectAll().where('learner', '=', learner.id).execute();
    expect(rows.map((row) => [row.question, row.turn, row.course, row.course_version])).toEqual([['Who painted the Mona Lisa?', 'q1', 'tiny', kit.course.public.hash]]);
  });

  it('refuses with a reason: 401 signed out, 404 for a course or exercise it cannot take, 400 for a bad body, 413 for a long message', async () => {
    const learner = await kit.signIn('learner');
    const signedOut = await kit.request('/api/courses/tiny/turns', { body: { turnId: 'x', text: 'hi' } });
    expect(signedOut.status).toBe(401);
    expect((await signedOut.json()).error).toMatch(/sign in/);
    const unknown = await turn(learner.cookie, 'nope', { turnId: 'x', text: 'hi' });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error).toContain('no course "nope"');
    const noExercise = await kit.request('/api/courses/tiny/exercises/nope/attempts', { cookie: learner.cookie, body: { turnId: 'x', answer: '1' } });
    expect(noExercise.status).toBe(404);
    const bad = await turn(learner.cookie, 'tiny', { text: 'hi' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(/^turnId: /);
    const long = await turn(learner.cookie, 'tiny', { turnId: 'long', text: 'a'.repeat(kit.context.limits.messageChars + 1) });
    expect(long.status).toBe(413);
    expect((await long.json()).error).toContain('the limit is 4,000');
  });

  it('answers 429 with Retry-After past the turns per minute of one account, and not for another', async () => {
    const app = createApp({ ...kit.context, limits: { ...kit.context.limits, turnsPerMinute: 2 } }, { clientAddress: () => 'test', limits: { requestsPerMinute: 100_000 } });
    const send = (cookie: string, turnId: string) =>
      app.request('/api/courses/tiny/turns', { method: 'POST', headers: { origin: 'http://localhost', cookie, 'content-type': 'application/json' }, body: JSON.stringify({ turnId, text: '/lesson adding', action: { type: 'lesson', lesson: 'adding' } }) });
    // Each stream is read to its end, so no turn is still running when the test's store closes.
    const status = async (response: Response) => (await response.text(), response.status);
    const busy = await kit.signIn('learner');
    expect(await status(await send(busy.cookie, 'r1'))).toBe(200);
    expect(await status(await send(busy.cookie, 'r2'))).toBe(200);
    const limited = await send(busy.cookie, 'r3');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await limited.json()).error).toMatch(/wait \d+ seconds/);
    expect(await status(await send((await kit.signIn('learner')).cookie, 'r1'))).toBe(200);
  });
});
