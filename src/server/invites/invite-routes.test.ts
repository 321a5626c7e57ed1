import { afterAll, describe, expect, it } from 'vitest';
import { asCourseFiles, tinyCourse } from '../../course/__fixtures__/tiny-course.js';
import { compileCourse } from '../../course/index.js';
import { canTeach, courseAccess } from '../access.js';
import type { ApiInvite } from '../api-types.js';
import { createServerTestKit } from '../testing/server-test-kit.js';
import { invitationDays } from './invitations.js';

const kit = await createServerTestKit();
afterAll(() => kit.close());
const { db } = kit.store;

// `tiny` is a guest course; this one is only for the invited.
const closed = compileCourse(asCourseFiles({ ...tinyCourse, 'course.yaml': tinyCourse['course.yaml']!.replace('id: tiny', 'id: closed').replace('Tiny course', 'Closed course') })).bundle!;
const teacher = await kit.signIn('teacher', 'Grace');
await kit.context.catalog.publish(closed, teacher.id);

const invite = async (body: { role: 'learner' | 'teacher'; email?: string }) => {
  const response = await kit.request('/api/teacher/courses/closed/invites', { cookie: teacher.cookie, body });
  expect(response.status).toBe(201);
  const created = (await response.json()) as ApiInvite;
  return { ...created, token: created.link.split('/invite/')[1]! };
};
const accept = (token: string, body: object = {}, cookie?: string) => kit.request(`/api/invites/${token}/accept`, { cookie, body });
const accessOf = async (id: string) => courseAccess(kit.context, (await kit.context.accounts.find(id))!, 'closed');

describe('invitations', () => {
  it('creates a link under the public origin; only the token hash is stored', async () => {
    const created = await invite({ role: 'learner', email: 'Mia@Example.org' });
    expect(created).toMatchObject({ role: 'learner', email: 'mia@example.org' });
    expect(created.link).toMatch(/^http:\/\/localhost\/invite\/[\w-]{43}$/);
    const rows = await db.selectFrom('enrollments').select(['invite_token_hash']).where('course_id', '=', 'closed').execute();
    expect(rows.some((row) => row.invite_token_hash === created.token)).toBe(false);
    expect(await (await kit.request(`/api/invites/${created.token}`)).json()).toEqual({ course: { id: 'closed', title: 'Closed course' }, role: 'learner', email: 'mia@example.org' });
  });

  it('signs a new visitor up, signs them in and enrolls them; the link then is used up', async () => {
    const { token } = await invite({ role: 'learner' });
    const response = await accept(token, { name: 'Noor', email: 'noor@example.org', password: 'a long password' });
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body).toMatchObject({ account: { name: 'Noor', email: 'noor@example.org', role: 'learner', guest: false }, course: { id: 'closed', title: 'Closed course' } });
    const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
    expect((await (await kit.request('/api/auth/me', { cookie })).json()).account.email).toBe('noor@example.org');
    expect(await accessOf(body.account.id)).toBe('learner');

    const again = await accept(token, { name: 'Eve', email: 'eve@example.org', password: 'a long password' });
    expect(again.status).toBe(410);
    expect((await again.json()).error).toMatch(/accepted already/);
    expect((await kit.request(`/api/invites/${token}`)).status).toBe(410);
  });

  it('asks a new visitor for what is missing, and sends one with a taken email to sign in', async () => {
    const { token } = await invite({ role: 'learner' });
    expect(await (await accept(token, { email: 'sam@example.org', password: 'a long password' })).json()).toEqual({ error: 'name: enter your name' });
    expect(await (await accept(token, { name: 'Sam', email: 'sam@example.org' })).json()).toEqual({ error: 'password: choose a password (at least 10 characters) to accept this invitation' });
    expect(await (await accept(token, { name: 'Sam', email: 'sam@example.org', password: 'short' })).json()).toEqual({ error: 'password: use at least 10 characters' });
    const taken = await accept(token, { name: 'Noor', email: 'noor@example.org', password: 'a long password' });
    expect(taken.status).toBe(409);
    expect((await taken.json()).error).toMatch(/sign in with it, then open the invitation link again/);
  });

  it('enrolls a signed-in learner, and a teacher invitation makes a learner a teacher of the course', async () => {
    const learner = await kit.signIn('learner', 'Lin');
    const asLearner = await accept((await invite({ role: 'learner' })).token, {}, learner.cookie);
    expect(asLearner.status).toBe(200);
    expect(await accessOf(learner.id)).toBe('learner');
    const asTeacher = await accept((await invite({ role: 'teacher' })).token, {}, learner.cookie);
    expect((await asTeacher.json()).account.role).toBe('teacher');
    expect(canTeach(await accessOf(learner.id))).toBe(true);
    expect((await kit.request('/api/teacher/courses/closed/dashboard', { cookie: learner.cookie })).status).toBe(200);
  });

  it('upgrades a guest who gives an email and password, keeping their progress', async () => {
    const guest = await kit.context.accounts.createGuest();
    const cookie = `primer_session=${(await kit.context.accounts.startSession(guest.id)).token}`;
    await kit.store.appendEvents({ learner: guest.id, course: 'tiny', courseVersion: kit.course.public.hash, events: [{ type: 'hint', payload: { exercise: 'add-1', rung: 1, reveals: false } }] });
    const response = await accept((await invite({ role: 'learner', email: 'kofi@example.org' })).token, { name: 'Kofi', password: 'a long password' }, cookie);
    expect(response.status).toBe(200);
    expect((await response.json()).account).toEqual({ id: guest.id, name: 'Kofi', email: 'kofi@example.org', role: 'learner', guest: false });
    expect(await kit.store.readEvents({ learner: guest.id, course: 'tiny' })).toHaveLength(1);
    expect(await kit.context.accounts.verify('kofi@example.org', 'a long password')).toMatchObject({ id: guest.id });
    expect(await accessOf(guest.id)).toBe('learner');
  });

  it('keeps an invitation for an email to that email', async () => {
    const { token } = await invite({ role: 'learner', email: 'ana@example.org' });
    const other = await kit.signIn('learner', 'Bo');
    const refused = await accept(token, {}, other.cookie);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: 'this invitation is for ana@example.org; sign in or sign up with that email' });
    expect((await accept(token, { name: 'Ana', email: 'someone@example.org', password: 'a long password' })).status).toBe(403);
    expect((await accept(token, { name: 'Ana', password: 'a long password' })).status).toBe(201); // the invited email is the default
  });

  it('answers 404 for an unknown link and 410 for an expired one', async () => {
    const unknown = await kit.request('/api/invites/not-a-real-token');
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error).toMatch(/not valid; check that you copied all of it/);
    const { token } = await invite({ role: 'learner' });
    await db.updateTable('enrollments').set({ created_at: new Date(kit.context.clock.now().getTime() - (invitationDays + 1) * 86_400_000) } as never).where('invite_token_hash', 'is not', null).where('accepted_at', 'is', null).execute();
    const expired = await accept(token, { name: 'Late', email: 'late@example.org', password: 'a long password' });
    expect(expired.status).toBe(410);
    expect(await expired.json()).toEqual({ error: 'this invitation has expired; ask your teacher for a new link' });
  });

  it('lets only teachers of the course create invitations', async () => {
    const learner = await kit.signIn('learner');
    const otherTeacher = await kit.signIn('teacher');
    expect((await kit.request('/api/teacher/courses/closed/invites', { cookie: learner.cookie, body: { role: 'teacher' } })).status).toBe(403);
    expect((await kit.request('/api/teacher/courses/closed/invites', { cookie: otherTeacher.cookie, body: { role: 'teacher' } })).status).toBe(404);
    const bad = await kit.request('/api/teacher/courses/closed/invites', { cookie: teacher.cookie, body: { role: 'admin' } });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: 'role: role is learner or teacher' });
  });
});
