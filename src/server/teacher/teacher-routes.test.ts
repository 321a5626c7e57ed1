import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { asCourseFiles, tinyCourse } from '../../course/__fixtures__/tiny-course.js';
import { compileCourse, type CourseBundle } from '../../course/index.js';
import { glossaryVersion } from '../../i18n/index.js';
import type { ApiConversationMessage, ApiDashboard, ApiTeacherCourse, ApiTranslation } from '../api-types.js';
import { readCourseFolder } from '../read-course-folder.js';
import { createServerTestKit } from '../testing/server-test-kit.js';
import { createStoreTranslationCache } from '../tutoring/store-translation-cache.js';

const kit = await createServerTestKit();
afterAll(() => kit.close());

const compile = (files: Record<string, string>) => compileCourse(asCourseFiles(files)).bundle as CourseBundle;
const withId = (id: string, files = tinyCourse) => ({ ...files, 'course.yaml': files['course.yaml']!.replace('id: tiny', `id: ${id}`).replace('title: Tiny course', `title: Course ${id}`) });
const asUploaded = (bundle: CourseBundle) => JSON.parse(JSON.stringify(bundle)) as CourseBundle; // as read from public.json and keys.json

const teacher = await kit.signIn('teacher', 'Grace');
const otherTeacher = await kit.signIn('teacher', 'Edsger');
const admin = await kit.signIn('admin', 'Ada');
const learner = await kit.signIn('learner', 'Lin');
const algebra = compile(withId('algebra', { ...tinyCourse, 'course.yaml': tinyCourse['course.yaml']!.replace('license: CC-BY-4.0', 'license: CC-BY-4.0\nmasteryThreshold: 0.9') }));
await kit.context.catalog.publish(algebra, teacher.id);

const json = async <T>(response: Response, status = 200): Promise<T> => {
  const body = await response.json();
  expect(response.status, JSON.stringify(body)).toBe(status);
  return body as T;
};

describe('teacher courses', () => {
  it('lists only the courses this teacher teaches, with versions and learners; an admin sees all', async () => {
    await kit.store.appendEvents({ learner: learner.id, course: 'algebra', courseVersion: algebra.public.hash, events: [{ type: 'hint', payload: { exercise: 'add-1', rung: 1, reveals: false } }] });
    const { courses } = await json<{ courses: ApiTeacherCourse[] }>(await kit.request('/api/teacher/courses', { cookie: teacher.cookie }));
    expect(courses.map((course) => course.id)).toEqual(['algebra']);
    expect(courses[0]).toMatchObject({ title: 'Course algebra', version: algebra.public.hash, source: 'upload', learners: 1, diagnostics: [], versions: [{ version: algebra.public.hash, current: true }] });
    expect((await json<{ courses: ApiTeacherCourse[] }>(await kit.request('/api/teacher/courses', { cookie: otherTeacher.cookie }))).courses).toEqual([]);
    const all = await json<{ courses: ApiTeacherCourse[] }>(await kit.request('/api/teacher/courses', { cookie: admin.cookie }));
    expect(all.courses.map((course) => course.id).sort()).toEqual(['algebra', 'tiny']);
  });

  it('shows the check diagnostics of a course served from a folder as file:line entries', async () => {
    kit.context.courseChecks.set('tiny', { folder: '/courses/tiny', diagnostics: [{ severity: 'warning', path: 'course.yaml', line: 9, column: 5, message: 'no exercise practises skill "x"', hint: 'add one' }] });
    const { courses } = await json<{ courses: ApiTeacherCourse[] }>(await kit.request('/api/teacher/courses', { cookie: admin.cookie }));
    expect(courses.find((course) => course.id === 'tiny')).toMatchObject({ source: 'folder', diagnostics: [{ severity: 'warning', path: 'course.yaml', line: 9, column: 5, message: 'no exercise practises skill "x"', hint: 'add one' }] });
    kit.context.courseChecks.delete('tiny');
  });

  it('refuses learners with 403 and a reason, and anonymous visitors with 401', async () => {
    const refused = await kit.request('/api/teacher/courses', { cookie: learner.cookie });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: 'this needs the teacher or admin role' });
    expect((await kit.request('/api/teacher/courses')).status).toBe(401);
  });

  it('uploads a built bundle: a new course owned by the uploader, then a new version of it', async () => {
    const geometry = compile(withId('geometry'));
    expect(await json(await kit.request('/api/teacher/courses', { cookie: otherTeacher.cookie, body: asUploaded(geometry) }), 201)).toEqual({ course: 'geometry', version: geometry.public.hash, isNew: true });
    const revised = compile(withId('geometry', { ...tinyCourse, 'lessons/01-adding.md': tinyCourse['lessons/01-adding.md']!.replace('Count on from 3.', 'Start at 3.') }));
    expect(await json(await kit.request('/api/teacher/courses', { cookie: otherTeacher.cookie, body: asUploaded(revised) }), 201)).toMatchObject({ isNew: true });
    expect(await json(await kit.request('/api/teacher/courses', { cookie: otherTeacher.cookie, body: asUploaded(revised) }))).toMatchObject({ isNew: false });
    const { courses } = await json<{ courses: ApiTeacherCourse[] }>(await kit.request('/api/teacher/courses', { cookie: otherTeacher.cookie }));
    expect(courses).toHaveLength(1);
    expect(courses[0]!.version).toBe(revised.public.hash);
    expect(courses[0]!.versions.map((version) => [version.version, version.current]).sort()).toEqual([[geometry.public.hash, false], [revised.public.hash, true]].sort());
  });

  it('accepts the sample course as primer course build writes it (larger than an ordinary request body)', async () => {
    const sample = compileCourse(await readCourseFolder(fileURLToPath(new URL('../../../courses/backprop', import.meta.url)))).bundle!;
    const body = asUploaded(sample);
    expect(JSON.stringify(body).length).toBeGreaterThan(256 * 1024);
    expect(await json(await kit.request('/api/teacher/courses', { cookie: teacher.cookie, body }), 201)).toMatchObject({ course: 'backprop', isNew: true });
  });

  it('refuses a course id that belongs to another teacher with 409', async () => {
    const response = await kit.request('/api/teacher/courses', { cookie: otherTeacher.cookie, body: asUploaded(compile(withId('algebra', { ...tinyCourse, 'figures/dots.svg': '<svg/>' }))) });
    expect(response.status).toBe(409);
    expect((await response.json()).error).toMatch(/"algebra" belongs to another teacher's course; choose another id in course\.yaml/);
  });

  it('refuses malformed bundles with a 400 that names the problem', async () => {
    const bundle = asUploaded(compile(withId('broken')));
    const cases: [unknown, RegExp][] = [
      [{ public: bundle.public }, /^keys\.json: /],
      [{ ...bundle, public: { ...bundle.public, format: 2 } }, /^public\.json, format: this Primer reads bundle format 1/],
      [{ ...bundle, keys: { ...bundle.keys, hash: 'a'.repeat(64) } }, /from different builds/],
      [{ ...bundle, keys: { ...bundle.keys, exercises: { ...bundle.keys.exercises, 'add-1': undefined } } }, /no matching answer key for exercise "add-1"/],
      [{ ...bundle, public: { ...bundle.public, lessons: bundle.public.lessons.map((lesson) => ({ ...lesson, title: 'Edited' })) } }, /changed after primer course build/],
    ];
    for (const [body, error] of cases) {
      const response = await kit.request('/api/teacher/courses', { cookie: teacher.cookie, body });
      expect(response.status).toBe(400);
      expect((await response.json()).error).toMatch(error);
    }
    expect((await kit.context.catalog.list()).map((course) => course.id)).not.toContain('broken');
  });

  it('makes an older version current again, and says which versions exist when asked for another', async () => {
    const revised = compile(withId('algebra', { ...tinyCourse, 'lessons/02-multiplying.md': tinyCourse['lessons/02-multiplying.md']!.replace('repeated adding', 'adding again and again') }));
    await json(await kit.request('/api/teacher/courses', { cookie: teacher.cookie, body: asUploaded(revised) }), 201);
    expect((await kit.context.catalog.bundle('algebra'))!.public.hash).toBe(revised.public.hash);
    expect(await json(await kit.request('/api/teacher/courses/algebra/current', { cookie: teacher.cookie, body: { version: algebra.public.hash } }))).toEqual({ course: 'algebra', version: algebra.public.hash });
    expect((await kit.context.catalog.bundle('algebra'))!.public.hash).toBe(algebra.public.hash);
    const unknown = await kit.request('/api/teacher/courses/algebra/current', { cookie: teacher.cookie, body: { version: 'f'.repeat(64) } });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error).toMatch(/has no version f+; GET \/api\/teacher\/courses lists its versions/);
  });

  it("answers 404 for a course the teacher does not teach, as for one that does not exist", async () => {
    for (const path of ['/api/teacher/courses/algebra/dashboard', '/api/teacher/courses/tiny/dashboard', '/api/teacher/courses/nowhere/dashboard']) {
      const response = await kit.request(path, { cookie: otherTeacher.cookie });
      expect(response.status).toBe(404);
      expect((await response.json()).error).toMatch(/^no course "\w+" among yours/);
    }
  });
});

describe('dashboard', () => {
  it('shows mastery per learner and skill, where learners get stuck, misconceptions, questions and model cost', async () => {
    const course = 'algebra';
    const courseVersion = algebra.public.hash;
    const guest = await kit.context.accounts.createGuest();
    const wrong = (answer: string, misconception?: string) => ({ type: 'attempt', payload: { exercise: 'add-1', skills: ['add'], answer, verdict: 'incorrect', ...(misconception ? { misconception } : {}) } });
    await kit.store.appendEvents({ learner: guest.id, course, courseVersion, events: [wrong('6', 'counted-from-zero'), wrong('8', 'counted-from-zero'), { type: 'hint', payload: { exercise: 'add-1', rung: 1, reveals: false } }, { type: 'attempt', payload: { exercise: 'add-1', skills: ['add'], answer: '7', verdict: 'correct' } }] });
    await kit.store.appendEvents({ learner: learner.id, course, courseVersion, events: [wrong('12', 'multiplied'), { type: 'attempt', payload: { exercise: 'add-1', skills: ['add'], answer: 'seven', verdict: 'unparseable', problem: { code: 'not-a-number-or-unit', values: { name: 'seven' } } } }, { type: 'attempt', payload: { exercise: 'mul-word', skills: ['multiply'], answer: 'product', verdict: 'correct' } }] });
    await kit.store.appendEvents({ learner: learner.id, course: 'tiny', courseVersion: kit.course.public.hash, events: [wrong('1', 'elsewhere')] });
    await kit.store.db.insertInto('unanswered_questions').values({ course, course_version: courseVersion, learner: guest.id, question: 'Why is addition commutative?', language: 'en' }).execute();
    await kit.store.db.insertInto('model_calls').values([
      { time: new Date('2026-03-01T10:00:00Z'), task: 'tutor', tier: 'local', provider: 'p', model: 'm', outcome: 'ok', course, input_tokens: 100, output_tokens: 20, cost_usd: 0.01 },
      { time: new Date('2026-03-01T11:00:00Z'), task: 'tutor', tier: 'local', provider: 'p', model: 'm', outcome: 'ok', course, input_tokens: 50, output_tokens: 10, cost_usd: 0.02 },
      { time: new Date('2026-03-02T10:00:00Z'), task: 'translate', tier: 'standard', provider: 'p', model: 'm', outcome: 'ok', course, input_tokens: 5, output_tokens: 5, cost_usd: 0.5 },
      { time: new Date('2026-03-02T10:00:00Z'), task: 'tutor', tier: 'local', provider: 'p', model: 'm', outcome: 'ok', course: 'tiny', input_tokens: 5, output_tokens: 5, cost_usd: 9 },
    ]).execute();

    const dashboard = await json<ApiDashboard>(await kit.request('/api/teacher/courses/algebra/dashboard', { cookie: teacher.cookie }));
    expect(dashboard.heatmap.skills).toEqual([{ id: 'add', title: 'Adding' }, { id: 'multiply', title: 'Multiplying' }]);
    expect(dashboard.heatmap.learners).toEqual([{ id: guest.id, name: `Guest ${guest.id.slice(0, 8)}` }, { id: learner.id, name: 'Lin' }]);
    const [guestMastery, linMastery] = dashboard.heatmap.mastery;
    expect(guestMastery![0]).toBeGreaterThan(0.3); // a correct answer after mistakes still raises it above the prior
    expect(guestMastery![1]).toBeNull(); // no answer on multiplying yet: no evidence, not the prior as if it were
    expect(linMastery![1]).toBeGreaterThan(linMastery![0]!); // right on multiplying, wrong on adding
    expect(dashboard.heatmap.masteryThreshold).toBe(0.9); // the course's own, for counting mastered pairs
    expect(dashboard.stuck[0]).toEqual({ exercise: 'add-1', lesson: 'adding', failedAttempts: 3, unreadable: 1, hints: 2, learners: 2 }); // one hint from the course-list test
    expect(dashboard.unreadableAnswers).toEqual([{ exercise: 'add-1', answer: 'seven', count: 1, learners: 1, problem: { code: 'not-a-number-or-unit', values: { name: 'seven' } } }]);
    // the guest solved adding's only exercise without mastering adding; Lin still has a multiplying exercise to try
    expect(dashboard.outOfExercises).toEqual([{ skill: 'add', title: 'Adding', learners: 1 }]);
    expect(dashboard.misconceptions).toEqual([
      { exercise: 'add-1', misconception: 'counted-from-zero', count: 2, learners: 1 },
      { exercise: 'add-1', misconception: 'multiplied', count: 1, learners: 1 },
    ]);
    expect(dashboard.questions).toEqual([{ id: expect.any(String), question: 'Why is addition commutative?', language: 'en', learner: `Guest ${guest.id.slice(0, 8)}`, createdAt: expect.any(String), status: 'open' }]);
    expect(dashboard.cost).toEqual([
      { day: '2026-03-01', task: 'tutor', tier: 'local', calls: 2, costUsd: 0.03, inputTokens: 150, outputTokens: 30 },
      { day: '2026-03-02', task: 'translate', tier: 'standard', calls: 1, costUsd: 0.5, inputTokens: 5, outputTokens: 5 },
    ]);
  });

  it('lets the teacher mark a question answered with a note', async () => {
    const question = (await kit.store.db.selectFrom('unanswered_questions').select('id').where('course', '=', 'algebra').executeTakeFirstOrThrow()).id;
    const response = await json<{ question: { status: string; note: string | null } }>(await kit.request(`/api/teacher/courses/algebra/questions/${question}`, { cookie: teacher.cookie, body: { status: 'answered', note: 'Added a section on order.' } }));
    expect(response.question).toMatchObject({ status: 'answered', note: 'Added a section on order.' });
    const dashboard = await json<ApiDashboard>(await kit.request('/api/teacher/courses/algebra/dashboard', { cookie: teacher.cookie }));
    expect(dashboard.questions[0]!.status).toBe('answered');
    expect((await kit.request(`/api/teacher/courses/tiny/questions/${question}`, { cookie: admin.cookie, body: { status: 'dismissed' } })).status).toBe(404); // not a question of that course
    const bad = await kit.request(`/api/teacher/courses/algebra/questions/${question}`, { cookie: teacher.cookie, body: { status: 'done' } });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: 'status: status is open, answered or dismissed' });
  });
});

describe('conversations', () => {
  it('searches the tutor conversations of the course (wildcards taken literally), filters by learner and flag, and flags with a reason; a reply shows what it showed', async () => {
    const row = (learnerId: string, turn: string, role: 'learner' | 'tutor', text: string, minute: number) => ({ turn, learner: learnerId, course: 'algebra', role, text, created_at: new Date(Date.UTC(2026, 2, 2, 10, minute)) });
    await kit.store.db.insertInto('messages').values([
      row(learner.id, 't1', 'learner', 'Is 3 + 4 really 7?', 0),
      row(learner.id, 't1', 'tutor', 'Count on from 3 and see.', 1),
      row(teacher.id, 't2', 'learner', 'I got 100% wrong', 2),
      row(teacher.id, 't3', 'learner', '/hint', 4),
      row(teacher.id, 't3', 'tutor', '', 5), // a command turn: its reply has no words, only the hint it showed
      row(teacher.id, 't4', 'learner', '/hint', 6),
      row(teacher.id, 't4', 'tutor', '', 7), // a command turn that showed nothing (no hint left): left out
      { ...row(learner.id, 't9', 'learner', 'Another course entirely, 100% sure', 3), course: 'tiny' },
    ]).execute();
    // t1's answer was checked (its attempt is stored with the turn's reply); the same turn id of another learner is not Lin's
    const attempt = (answer: string, verdict: string) => ({ type: 'attempt', payload: { exercise: 'add-1', skills: ['add'], answer, verdict } });
    await kit.store.appendEvents({ learner: teacher.id, course: 'algebra', courseVersion: algebra.public.hash, key: 't1:reply', events: [attempt('6', 'incorrect')] });
    const shown = (turn: string, parts: unknown[]) => ({ type: 'shown', payload: { turn, parts } });
    await kit.store.appendEvents({ learner: teacher.id, course: 'algebra', courseVersion: algebra.public.hash, key: 't3:reply', events: [shown('t3', [{ type: 'hint', exercise: 'add-1', rung: 1, text: 'Count on from the *larger* number.', reveals: false }])] });
    await kit.store.appendEvents({ learner: learner.id, course: 'algebra', courseVersion: algebra.public.hash, key: 't1:reply', events: [attempt('7', 'correct'), shown('t1', [{ type: 'exercise', exercise: 'add-1', prompt: 'What is **3 + 4**?' }])] });
    const search = async (query: string) => (await json<{ messages: ApiConversationMessage[] }>(await kit.request(`/api/teacher/courses/algebra/conversations${query}`, { cookie: teacher.cookie }))).messages;

    const all = await search('');
    expect(all.map((message) => message.text)).toEqual(['/hint', '', '/hint', 'I got 100% wrong', 'Count on from 3 and see.', 'Is 3 + 4 really 7?']);
    expect(all[1]).toMatchObject({ turn: 't3', role: 'tutor', parts: [{ type: 'data-hint', data: { exercise: 'add-1', rung: 1, text: 'Count on from the *larger* number.', reveals: false } }] });
    expect(all[4]!.parts).toEqual([{ type: 'data-exercise', data: { exercise: 'add-1', promptHtml: '<p>What is <strong>3 + 4</strong>?</p>' } }]); // as the learner's chat shows it
    all.splice(0, 2); // t4 and t3's hint; the rest as before
    expect(all[3]).toMatchObject({ learner: { id: learner.id, name: 'Lin' }, turn: 't1', role: 'learner', flagged: false, flagReason: null, verdicts: [{ exercise: 'add-1', verdict: 'correct' }] });
    expect(all[2]!.verdicts).toBeUndefined(); // the tutor's reply; the verdict is shown beside the answer
    expect((await search('?q=COUNT')).map((message) => message.text)).toEqual(['Count on from 3 and see.']);
    expect((await search('?q=100%25')).map((message) => message.text)).toEqual(['I got 100% wrong']);
    expect(await search('?q=_')).toEqual([]);
    expect((await search(`?learner=${learner.id}`)).map((message) => message.turn)).toEqual(['t1', 't1']);

    const flagged = await json<{ message: ApiConversationMessage }>(await kit.request(`/api/teacher/courses/algebra/messages/${all[2]!.id}/flag`, { cookie: teacher.cookie, body: { flagged: true, reason: 'gives too much away' } }));
    expect(flagged.message).toMatchObject({ flagged: true, flagReason: 'gives too much away' });
    expect((await search('?flagged=true')).map((message) => message.id)).toEqual([all[2]!.id]);
    await json(await kit.request(`/api/teacher/courses/algebra/messages/${all[2]!.id}/flag`, { cookie: teacher.cookie, body: { flagged: false } }));
    expect(await search('?flagged=true')).toEqual([]);
  });

  it('cannot flag a message of another course, or one that does not exist', async () => {
    const elsewhere = (await kit.store.db.selectFrom('messages').select('id').where('course', '=', 'tiny').executeTakeFirstOrThrow()).id;
    for (const id of [elsewhere, 'not-a-uuid']) {
      const response = await kit.request(`/api/teacher/courses/algebra/messages/${id}/flag`, { cookie: teacher.cookie, body: { flagged: true } });
      expect(response.status).toBe(404);
      expect((await response.json()).error).toBe(`course "algebra" has no message ${id}`);
    }
  });
});

describe('translation review', () => {
  it('lists machine translations of the current version, approves an edited one, and the cache then serves it', async () => {
    const chunk = algebra.public.chunks[0]!;
    const glossary = glossaryVersion(algebra.public.course.glossary);
    const cache = createStoreTranslationCache(kit.store);
    await cache.set({ hash: chunk.hash, language: 'es', glossaryVersion: glossary }, { text: 'Dos más dos es cuatro (máquina).', model: 'test/translator' });
    await cache.set({ hash: chunk.hash, language: 'fr', glossaryVersion: glossary }, { text: 'Deux plus deux.', model: 'test/translator' });
    await cache.set({ hash: 'unrelated', language: 'es', glossaryVersion: glossary }, { text: 'Otra cosa.' });

    const list = async (query: string) => (await json<{ translations: ApiTranslation[] }>(await kit.request(`/api/teacher/courses/algebra/translations${query}`, { cookie: teacher.cookie }))).translations;
    expect(await list('?language=es')).toEqual([{ chunk: chunk.id, chunkHash: chunk.hash, heading: chunk.heading, language: 'es', source: chunk.text, text: 'Dos más dos es cuatro (máquina).', status: 'machine', model: 'test/translator' }]);
    expect((await list('')).map((translation) => translation.language)).toEqual(['es', 'fr']);

    const approved = await json<{ translation: ApiTranslation }>(await kit.request(`/api/teacher/courses/algebra/translations/${chunk.hash}/es`, { method: 'PUT', cookie: teacher.cookie, body: { text: 'Dos más dos son cuatro.' } }));
    expect(approved.translation).toMatchObject({ status: 'approved', text: 'Dos más dos son cuatro.' });
    expect(await cache.get({ hash: chunk.hash, language: 'es', glossaryVersion: glossary })).toMatchObject({ text: 'Dos más dos son cuatro.' });
    expect((await list('?status=approved')).map((translation) => translation.language)).toEqual(['es']);
    const reviewer = await kit.store.db.selectFrom('translations').select('reviewer_id').where('chunk_hash', '=', chunk.hash).where('language', '=', 'es').executeTakeFirstOrThrow();
    expect(reviewer.reviewer_id).toBe(teacher.id);

    // A chunk nobody had translated yet can be translated by the teacher directly.
    const second = algebra.public.chunks[1]!;
    await json(await kit.request(`/api/teacher/courses/algebra/translations/${second.hash}/sw`, { method: 'PUT', cookie: teacher.cookie, body: { text: 'Kuzidisha.' } }));
    expect(await cache.get({ hash: second.hash, language: 'sw', glossaryVersion: glossary })).toMatchObject({ text: 'Kuzidisha.' });

    const unknown = await kit.request(`/api/teacher/courses/algebra/translations/unrelated/es`, { method: 'PUT', cookie: teacher.cookie, body: { text: 'x' } });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error).toMatch(/has no chunk with hash unrelated/);
  });
});
