import { afterAll, describe, expect, it } from 'vitest';
import type { ApiUser } from '../api-types.js';
import { createServerTestKit } from '../testing/server-test-kit.js';

const kit = await createServerTestKit();
afterAll(() => kit.close());

const admin = await kit.signIn('admin', 'Ada');
const teacher = await kit.signIn('teacher', 'Grace');
const learner = await kit.signIn('learner', 'Lin');
const setRole = (id: string, role: string, cookie = admin.cookie) => kit.request(`/api/admin/users/${id}`, { method: 'PATCH', cookie, body: { role } });

describe('admin', () => {
  it('lists every account with its role, guests marked', async () => {
    const guest = await kit.context.accounts.createGuest();
    const response = await kit.request('/api/admin/users', { cookie: admin.cookie });
    expect(response.status).toBe(200);
    const { users } = (await response.json()) as { users: ApiUser[] };
    expect(users.map((user) => [user.name, user.role, user.guest])).toEqual(expect.arrayContaining([['Ada', 'admin', false], ['Grace', 'teacher', false], ['Lin', 'learner', false], ['Guest', 'learner', true]]));
    expect(users.find((user) => user.id === guest.id)!.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(JSON.stringify(users)).not.toMatch(/password|scrypt/);
  });

  it('deletes a learner with everything they left, ending their sessions at once; refuses other roles', async () => {
    const max = await kit.signIn('learner', 'Max');
    await kit.store.appendEvents({ learner: max.id, course: 'algebra', courseVersion: 'v1', key: 't1', events: [{ type: 'message', payload: { turn: 't1', role: 'learner', text: 'hello' } }], messages: [{ turn: 't1', role: 'learner', text: 'hello' }] });
    expect(await (await kit.request('/api/auth/me', { cookie: max.cookie })).json()).toMatchObject({ account: { id: max.id } });
    const erase = (id: string, cookie = admin.cookie) => kit.request(`/api/admin/users/${id}`, { method: 'DELETE', cookie });
    expect((await erase(max.id, learner.cookie)).status).toBe(403);
    const response = await erase(max.id);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ erased: { events: 1, messages: 1 } });
    expect(await (await kit.request('/api/auth/me', { cookie: max.cookie })).json()).toEqual({ account: null });
    expect(await kit.store.readEvents({ learner: max.id, course: 'algebra' })).toEqual([]);
    expect((await erase(max.id)).status).toBe(404);
    const refused = await erase(teacher.id);
    expect(refused.status).toBe(409);
    expect((await refused.json()).error).toBe('only a learner account can be deleted; make it a learner first');
  });

  it('changes a role, which takes effect at once', async () => {
    expect((await kit.request('/api/teacher/courses', { cookie: learner.cookie })).status).toBe(403);
    const response = await setRole(learner.id, 'teacher');
    expect(response.status).toBe(200);
    expect((await response.json()).user).toMatchObject({ id: learner.id, role: 'teacher' });
    expect((await kit.request('/api/teacher/courses', { cookie: learner.cookie })).status).toBe(200);
  });

  it('never demotes the last admin, but does once there is another', async () => {
    const refused = await setRole(admin.id, 'learner');
    expect(refused.status).toBe(409);
    expect((await refused.json()).error).toMatch(/only admin; make another account admin first/);
    expect((await setRole(teacher.id, 'admin')).status).toBe(200);
    expect((await setRole(admin.id, 'teacher', teacher.cookie)).status).toBe(200);
    expect((await setRole(teacher.id, 'learner', teacher.cookie)).status).toBe(409);
  });

  it('refuses unknown accounts, unknown roles and guests as teachers, with reasons', async () => {
    const unknown = await setRole('00000000-0000-4000-8000-000000000000', 'teacher', teacher.cookie);
    expect(unknown.status).toBe(404);
    expect((await setRole('nobody', 'teacher', teacher.cookie)).status).toBe(404);
    expect(await (await setRole(learner.id, 'owner', teacher.cookie)).json()).toEqual({ error: 'role: role is admin, teacher or learner' });
    const guest = await kit.context.accounts.createGuest();
    const refused = await setRole(guest.id, 'teacher', teacher.cookie);
    expect(refused.status).toBe(400);
    expect((await refused.json()).error).toMatch(/guest account .* can only be a learner/);
  });

  it('is for admins only', async () => {
    const other = await kit.signIn('teacher');
    const refused = await kit.request('/api/admin/users', { cookie: other.cookie });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: 'this needs the admin role' });
    expect((await kit.request('/api/admin/users')).status).toBe(401);
  });
});
