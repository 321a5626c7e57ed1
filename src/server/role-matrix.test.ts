// Who may call what: every endpoint of the HTTP API × six kinds of caller, with the status class
// each must get. The course under test, `course-x`, is not a guest course: only learner A (enrolled),
// its teacher and the admin may reach it. A 404 here is the right answer for a course the caller
// cannot see (ids do not leak); 403 is for a role that may not use the endpoint at all.
import { afterAll, describe, expect, it } from 'vitest';
import { asCourseFiles, tinyCourse } from '../course/__fixtures__/tiny-course.js';
import { compileCourse, type CourseBundle } from '../course/index.js';
import type { ApiCourseListItem, ApiTeacherCourse } from './api-types.js';
import { createInvitations } from './invites/invitations.js';
import { createServerTestKit } from './testing/server-test-kit.js';

const kit = await createServerTestKit();
afterAll(() => kit.close());
const { db } = kit.store;
const { accounts, catalog } = kit.context;

const courseNamed = (id: string) => compileCourse(asCourseFiles({ ...tinyCourse, 'course.yaml': tinyCourse['course.yaml']!.replace('id: tiny', `id: ${id}`) })).bundle as CourseBundle;
const courseX = courseNamed('course-x');
const courseY = courseNamed('course-y');
const courseZ = courseNamed('course-z'); // invitations are accepted here, so they change no access to course-x

const teacherX = await kit.signIn('teacher', 'Teacher X');
const teacherY = await kit.signIn('teacher', 'Teacher Y');
const learnerA = await kit.signIn('learner', 'Learner A');
const learnerB = await kit.signIn('learner', 'Learner B');
const admin = await kit.signIn('admin', 'Admin');
const guestAccount = await accounts.createGuest();
const guest = { id: guestAccount.id, cookie: `primer_session=${(await accounts.startSession(guestAccount.id)).token}` };
const bystander = await kit.signIn('learner', 'Bystander'); // the account whose role the admin sets

await catalog.publish(courseX, teacherX.id);
await catalog.publish(courseY, teacherY.id);
await catalog.publish(courseZ, teacherX.id);
for (const learner of [learnerA, learnerB]) {
  await db.insertInto('enrollments').values({ course_id: 'course-x', user_id: learner.id, role: 'learner', invite_token_hash: null, accepted_at: new Date() }).execute();
}

// Learner A's data in course-x: a memory item, a message pair, an unanswered question.
const memoryItem = 'memory-of-a';
await kit.store.appendEvents({
  learner: learnerA.id,
  course: 'course-x',
  courseVersion: courseX.public.hash,
  events: [
    { type: 'memory', payload: { action: 'add', item: memoryItem, text: 'Learner A thinks in recipes', evidence: [] } },
    { type: 'message', payload: { turn: 'a-1', role: 'learner', text: 'A secret only A wrote' } },
  ],
});
const [messageOfA] = await db
  .insertInto('messages')
  .values([{ turn: 'a-1', learner: learnerA.id, course: 'course-x', role: 'learner', text: 'A secret only A wrote' }])
  .returning('id')
  .execute();
const questionOfA = (await db.insertInto('unanswered_questions').values({ course: 'course-x', course_version: courseX.public.hash, learner: learnerA.id, question: 'What about subtraction?' }).returning('id').executeTakeFirstOrThrow()).id;
const invitations = createInvitations(db, kit.context.clock);
const shownInvitation = (await invitations.create({ course: 'course-z', role: 'learner', email: null })).token;

type Caller = 'anonymous' | 'guest' | 'learner A' | 'teacher of X' | 'teacher of Y' | 'admin';
const callers: Record<Caller, { cookie?: string }> = {
  anonymous: {},
  guest,
  'learner A': learnerA,
  'teacher of X': teacherX,
  'teacher of Y': teacherY,
  admin,
};
type Expected = '2xx' | 400 | 401 | 403 | 404 | 409;
/** Expected status per caller, in the order of `callers`. */
type Row = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string | (() => Promise<string>);
  /** The path as the test names it, when it holds a generated id. */
  label?: string;
  body?: (caller: Caller) => unknown;
  expect: [Expected, Expected, Expected, Expected, Expected, Expected];
};

const onCourseX: Row['expect'] = [401, 404, '2xx', '2xx', 404, '2xx']; // any access to course-x
const signedIn: Row['expect'] = [401, '2xx', '2xx', '2xx', '2xx', '2xx'];
const onlyA: Row['expect'] = [401, 404, '2xx', 404, 404, 404]; // learner A's own data, by id
const teachesX: Row['expect'] = [401, 403, 403, '2xx', 404, '2xx'];
const anyTeacher: Row['expect'] = [401, 403, 403, '2xx', '2xx', '2xx'];
const adminOnly: Row['expect'] = [401, 403, 403, 403, 403, '2xx'];
let turn = 0;
const turnId = (caller: Caller) => `${caller.replace(/\W/g, '-')}-${++turn}`;

const learnerRows: Row[] = [
  { method: 'GET', path: '/api/courses', expect: signedIn },
  { method: 'GET', path: '/api/courses/course-x', expect: onCourseX },
  { method: 'GET', path: '/api/courses/course-x/lessons/adding?lang=en', expect: onCourseX },
  { method: 'GET', path: '/api/courses/course-x/exercises/add-1', expect: onCourseX },
  { method: 'GET', path: '/api/courses/course-x/state', expect: onCourseX },
  { method: 'GET', path: '/api/courses/course-x/messages', expect: onCourseX },
  { method: 'POST', path: '/api/courses/course-x/turns', body: (caller) => ({ turnId: turnId(caller), text: 'hello' }), expect: onCourseX },
  { method: 'POST', path: '/api/courses/course-x/exercises/add-1/attempts', body: (caller) => ({ turnId: turnId(caller), answer: '6' }), expect: onCourseX },
  { method: 'POST', path: '/api/courses/course-x/exercises/add-1/hints', body: (caller) => ({ turnId: turnId(caller) }), expect: onCourseX },
  { method: 'GET', path: '/api/courses/course-x/profile', expect: onCourseX },
  { method: 'PUT', path: '/api/courses/course-x/profile', body: () => ({ tags: ['cooking'] }), expect: onCourseX },
  { method: 'GET', path: '/api/courses/course-x/memory', expect: onCourseX },
  { method: 'PATCH', path: `/api/courses/course-x/memory/${memoryItem}`, body: () => ({ text: 'Learner A likes recipes' }), expect: [401, 404, '2xx', 404, 404, 404] },
  { method: 'DELETE', path: `/api/courses/course-x/memory/${memoryItem}`, expect: onlyA },
  { method: 'GET', path: '/api/me/export', expect: signedIn },
];

const invitationRows: Row[] = [
  { method: 'GET', path: `/api/invites/${shownInvitation}`, label: '/api/invites/:token', expect: ['2xx', '2xx', '2xx', '2xx', '2xx', '2xx'] },
  // A fresh learner invitation to course-z for each caller; a visitor must give name, email and password.
  { method: 'POST', label: '/api/invites/:token/accept (a fresh invitation)', path: async () => `/api/invites/${(await invitations.create({ course: 'course-z', role: 'learner', email: null })).token}/accept`, body: () => ({}), expect: [400, '2xx', '2xx', '2xx', '2xx', '2xx'] },
];

const teacherRows: Row[] = [
  { method: 'GET', path: '/api/teacher/courses', expect: anyTeacher },
  { method: 'POST', path: '/api/teacher/courses', body: () => JSON.parse(JSON.stringify(courseX)), expect: [401, 403, 403, '2xx', 409, '2xx'] },
  { method: 'POST', path: '/api/teacher/courses/course-x/current', body: () => ({ version: courseX.public.hash }), expect: teachesX },
  { method: 'GET', path: '/api/teacher/courses/course-x/dashboard', expect: teachesX },
  { method: 'GET', path: '/api/teacher/courses/course-x/conversations?q=secret', expect: teachesX },
  { method: 'GET', path: `/api/teacher/courses/course-x/conversations?learner=${learnerA.id}`, label: '/api/teacher/courses/course-x/conversations?learner=:learnerA', expect: teachesX },
  { method: 'POST', path: `/api/teacher/courses/course-x/messages/${messageOfA!.id}/flag`, label: '/api/teacher/courses/course-x/messages/:id/flag', body: () => ({ flagged: true, reason: 'check' }), expect: teachesX },
  { method: 'POST', path: `/api/teacher/courses/course-x/questions/${questionOfA}`, label: '/api/teacher/courses/course-x/questions/:id', body: () => ({ status: 'open' }), expect: teachesX },
  { method: 'GET', path: '/api/teacher/courses/course-x/translations?language=es', expect: teachesX },
  { method: 'PUT', path: `/api/teacher/courses/course-x/translations/${courseX.public.chunks[0]!.hash}/es`, label: '/api/teacher/courses/course-x/translations/:chunkHash/es', body: () => ({ text: 'Sumar.' }), expect: teachesX },
  { method: 'POST', path: '/api/teacher/courses/course-x/invites', body: () => ({ role: 'learner' }), expect: teachesX },
];

const adminRows: Row[] = [
  { method: 'GET', path: '/api/admin/users', expect: adminOnly },
  { method: 'PATCH', path: `/api/admin/users/${bystander.id}`, label: '/api/admin/users/:id', body: () => ({ role: 'learner' }), expect: adminOnly },
  { method: 'DELETE', path: async () => `/api/admin/users/${(await kit.signIn('learner')).id}`, label: '/api/admin/users/:id (a fresh learner)', expect: adminOnly },
];

const describeRows = (name: string, rows: Row[]) =>
  describe(name, () => {
    for (const row of rows) {
      const label = row.label ?? String(row.path);
      (Object.keys(callers) as Caller[]).forEach((caller, index) => {
        const expected = row.expect[index]!;
        it(`${row.method} ${label} as ${caller} → ${expected}`, async () => {
          const path = typeof row.path === 'string' ? row.path : await row.path();
          const response = await kit.request(path, { method: row.method, cookie: callers[caller].cookie, ...(row.body ? { body: row.body(caller) } : {}) });
          const text = await response.text(); // read it all: a turn streams, and must finish before the next request
          if (response.status === 404 && text.includes('no such endpoint')) expect.fail(`${row.method} ${path} is not implemented yet (${text})`);
          if (expected === '2xx') expect(response.status, text).toBeGreaterThanOrEqual(200);
          if (expected === '2xx') expect(response.status, text).toBeLessThan(300);
          else expect(response.status, text).toBe(expected);
          if (response.status >= 400) expect(JSON.parse(text).error, 'every refusal says why').toMatch(/\w/);
        });
      });
    }
  });

describeRows('learner endpoints', learnerRows);
describeRows('invitations', invitationRows);
describeRows('teacher endpoints', teacherRows);
describeRows('admin endpoints', adminRows);

describe('what each caller can see', () => {
  it("a learner sees none of another learner's data in the same course", async () => {
    const asB = (path: string) => kit.request(path, { cookie: learnerB.cookie });
    for (const path of ['/api/courses/course-x/messages', '/api/courses/course-x/memory', '/api/courses/course-x/state', '/api/courses/course-x/profile', '/api/me/export']) {
      const response = await asB(path);
      const text = await response.text();
      expect(response.status, `${path}: ${text}`).toBe(200);
      expect(text, path).not.toContain('A secret only A wrote');
      expect(text, path).not.toContain('recipes');
      expect(text, path).not.toContain(learnerA.id);
    }
    expect((await kit.request(`/api/teacher/courses/course-x/conversations?learner=${learnerA.id}`, { cookie: learnerB.cookie })).status).toBe(403);
  });

  it("a teacher's lists hold only their own courses; a learner's only the courses they may take", async () => {
    const teacherCourses = async (cookie: string) => ((await (await kit.request('/api/teacher/courses', { cookie })).json()) as { courses: ApiTeacherCourse[] }).courses.map((course) => course.id).sort();
    expect(await teacherCourses(teacherY.cookie)).toEqual(['course-y']);
    expect(await teacherCourses(teacherX.cookie)).toEqual(['course-x', 'course-z']);
    const learnerCourses = async (cookie: string) => ((await (await kit.request('/api/courses', { cookie })).json()) as { courses: ApiCourseListItem[] }).courses.map((course) => course.id);
    expect(await learnerCourses(teacherY.cookie)).not.toContain('course-x');
    expect(await learnerCourses(learnerB.cookie)).toContain('course-x');
    expect(await learnerCourses(bystander.cookie)).not.toContain('course-x');
  });

  it('a teacher gets the same 404 for a course of another teacher as for one that does not exist', async () => {
    const other = await kit.request('/api/teacher/courses/course-x/dashboard', { cookie: teacherY.cookie });
    const missing = await kit.request('/api/teacher/courses/course-q/dashboard', { cookie: teacherY.cookie });
    expect([other.status, missing.status]).toEqual([404, 404]);
    expect((await other.json()).error.replace('course-x', 'ID')).toBe((await missing.json()).error.replace('course-q', 'ID'));
  });
});
