import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../create-app.js';
import { createServerTestKit } from '../testing/server-test-kit.js';
import { hashToken } from './tokens.js';

const kit = await createServerTestKit();
afterAll(() => kit.close());
const app = createApp(kit.context, { setupTokenHash: hashToken('setup-secret'), limits: { signInPerMinute: 6 }, clientAddress: (r) => r.headers.get('x-test-ip') ?? 'a' });

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  app.request(path, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });
const cookieOf = (response: Response) => response.headers.get('set-cookie')!.split(';')[0]!;
const admin = { email: 'Ada@Example.org', name: 'Ada', password: 'correct horse battery' };

describe('accounts and sessions', () => {
  it('creates the admin once, only with the setup token', async () => {
    expect((await post('/api/auth/setup', { ...admin, token: 'guess' }, { 'x-test-ip': 's1' })).status).toBe(403);
    const created = await post('/api/auth/setup', { ...admin, token: 'setup-secret' }, { 'x-test-ip': 's1' });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ account: { email: 'ada@example.org', role: 'admin' } });
    const again = await post('/api/auth/setup', { ...admin, email: 'eve@example.org', token: 'setup-secret' }, { 'x-test-ip': 's1' });
    expect(again.status).toBe(409);
    expect(await again.json()).toEqual({ error: 'this Primer already has an admin; sign in instead' });
  });

  it('signs in with an HttpOnly SameSite cookie, shows who is signed in, and signs out', async () => {
    expect((await post('/api/auth/login', { email: admin.email, password: 'wrong password' }, { 'x-test-ip': 'l1' })).status).toBe(401);
    const login = await post('/api/auth/login', { email: admin.email, password: admin.password }, { 'x-test-ip': 'l1' });
    expect(login.status).toBe(200);
    expect(login.headers.get('set-cookie')).toMatch(/primer_session=[\w-]+;.*HttpOnly.*SameSite=Lax/);
    const cookie = cookieOf(login);
    expect(await (await app.request('/api/auth/me', { headers: { cookie } })).json()).toMatchObject({ account: { role: 'admin', guest: false } });
    await post('/api/auth/logout', {}, { cookie, 'x-test-ip': 'l1' });
    const after = await app.request('/api/auth/me', { headers: { cookie } });
    expect(after.status).toBe(200);
    expect(await after.json()).toEqual({ account: null });
    expect((await app.request('/api/courses', { headers: { cookie } })).status).toBe(401);
  });

  it('lets a learner delete their own account with everything they did: a guest at once, an account with its password', async () => {
    const remove = (cookie: string, body: unknown) => app.request('/api/auth/me', { method: 'DELETE', body: JSON.stringify(body), headers: { 'content-type': 'application/json', cookie } });
    const guestCookie = cookieOf(await post('/api/auth/guest', {}, { 'x-test-ip': 'd1' }));
    const guestGone = await remove(guestCookie, {});
    expect(guestGone.status).toBe(200);
    expect(await guestGone.json()).toEqual({ erased: { events: 0, messages: 0 } });
    expect(guestGone.headers.get('set-cookie')).toMatch(/primer_session=;/);
    expect(await (await app.request('/api/auth/me', { headers: { cookie: guestCookie } })).json()).toEqual({ account: null });

    const lin = { email: 'lin@example.org', name: 'Lin', password: 'a long learner password' };
    const created = await kit.context.accounts.create({ ...lin, role: 'learner' });
    if (created === 'email-taken') throw new Error('lin exists');
    await kit.store.appendEvents({ learner: created.id, course: 'algebra', courseVersion: 'v1', events: [{ type: 'attempt', payload: { exercise: 'add-1', skills: ['add'], answer: '7', verdict: 'correct' } }] });
    const linCookie = cookieOf(await post('/api/auth/login', { email: lin.email, password: lin.password }, { 'x-test-ip': 'd2' }));
    const wrong = await remove(linCookie, { password: 'not it' });
    expect(wrong.status).toBe(403);
    expect(await wrong.json()).toEqual({ error: 'enter your password to delete your account' });
    const gone = await remove(linCookie, { password: lin.password });
    expect(await gone.json()).toEqual({ erased: { events: 1, messages: 0 } });
    expect((await post('/api/auth/login', { email: lin.email, password: lin.password }, { 'x-test-ip': 'd2' })).status).toBe(401);

    const adminCookie = cookieOf(await post('/api/auth/login', { email: admin.email, password: admin.password }, { 'x-test-ip': 'd3' }));
    const refused = await remove(adminCookie, { password: admin.password });
    expect(refused.status).toBe(409);
    expect(await (await app.request('/api/auth/me', { headers: { cookie: adminCookie } })).json()).toMatchObject({ account: { role: 'admin' } }); // still there
  });

  it('limits password guesses through account deletion as it limits sign-ins, per address', async () => {
    const kim = await kit.context.accounts.create({ email: 'kim@example.org', name: 'Kim', password: 'a long learner password', role: 'learner' });
    if (kim === 'email-taken') throw new Error('kim exists');
    const cookie = cookieOf(await post('/api/auth/login', { email: 'kim@example.org', password: 'a long learner password' }, { 'x-test-ip': 'k1' }));
    const guess = (password: string) => app.request('/api/auth/me', { method: 'DELETE', body: JSON.stringify({ password }), headers: { 'content-type': 'application/json', cookie, 'x-test-ip': 'k1' } });
    const statuses = [];
    for (let attempt = 0; attempt < 6; attempt++) statuses.push((await guess(`guess ${attempt}`)).status);
    expect(statuses).toEqual([403, 403, 403, 403, 403, 429]); // the sign-in counted as the first of six a minute
    expect(await (await app.request('/api/auth/me', { headers: { cookie } })).json()).toMatchObject({ account: { email: 'kim@example.org' } }); // nothing deleted
  });

  it('lets a visitor start as a guest learner', async () => {
    const guest = await post('/api/auth/guest', {}, { 'x-test-ip': 'g1' });
    expect(guest.status).toBe(201);
    const me = await (await app.request('/api/auth/me', { headers: { cookie: cookieOf(guest) } })).json();
    expect(me.account).toMatchObject({ role: 'learner', guest: true, name: 'Guest' });
  });

  it('refuses guests when guest mode is off', async () => {
    const closed = createApp(kit.context, { guestMode: false });
    const response = await closed.request('/api/auth/guest', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(response.status).toBe(403);
    expect((await response.json()).error).toMatch(/guest access is turned off/);
  });

  it('rejects bad input with 400 naming the field', async () => {
    const response = await post('/api/auth/login', { email: 'not-an-email', password: 'x' }, { 'x-test-ip': 'v1' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'email: enter a valid email address' });
  });

  it('limits sign-in attempts per address with 429 and Retry-After', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await post('/api/auth/login', { email: admin.email, password: `nope ${i}` }, { 'x-test-ip': 'r1' })).status);
    expect(statuses.slice(0, 6).every((s) => s === 401)).toBe(true);
    const limited = await post('/api/auth/login', { email: admin.email, password: admin.password }, { 'x-test-ip': 'r1' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('60');
    expect((await post('/api/auth/login', { email: admin.email, password: admin.password }, { 'x-test-ip': 'r2' })).status).toBe(200);
  });

  it('blocks cross-site form posts and oversized bodies', async () => {
    const crossSite = await app.request('http://localhost/api/auth/guest', { method: 'POST', body: 'a=1', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://evil.example' } });
    expect(crossSite.status).toBe(403);
    expect((await crossSite.json()).error).toMatch(/another site/);
    const huge = await post('/api/auth/login', { email: admin.email, password: 'x'.repeat(300_000) }, { 'x-test-ip': 'b1' });
    expect(huge.status).toBe(413);
    expect((await huge.json()).error).toMatch(/larger than 256 KB/);
  });

  it('answers unknown endpoints with 404 and a reason', async () => {
    const response = await app.request('/api/nothing-here');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'no such endpoint: GET /api/nothing-here' });
  });
});
