import { afterAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../store/index.js';
import { createAccounts } from './accounts.js';

const database = await openTestDatabase('pglite');
afterAll(() => database.close());
let now = Date.parse('2026-03-02T09:00:00Z');
const clock = { now: () => new Date(now) };
// Two server processes over one database: each keeps the sessions it has looked up for a minute.
const here = createAccounts(database.db, clock, { sessionCacheMs: 60_000 });
const there = createAccounts(database.db, clock, { sessionCacheMs: 60_000 });

describe('sessions kept in memory', () => {
  it('ends a session at once where it was signed out, and within the cache time on another server', async () => {
    const guest = await here.createGuest();
    const { token } = await here.startSession(guest.id);
    expect((await here.fromSession(token))?.id).toBe(guest.id);
    expect((await there.fromSession(token))?.id).toBe(guest.id);
    await here.endSession(token);
    expect(await here.fromSession(token)).toBeUndefined();
    expect((await there.fromSession(token))?.id).toBe(guest.id); // still in that server's memory
    now += 61_000;
    expect(await there.fromSession(token)).toBeUndefined();
  });

  it('applies a role change at once on the server that made it', async () => {
    const account = await here.create({ email: 'lin@example.org', name: 'Lin', password: 'a long test password', role: 'learner' });
    if (account === 'email-taken') throw new Error('taken');
    const { token } = await here.startSession(account.id);
    expect((await here.fromSession(token))?.role).toBe('learner');
    expect(await here.changeRole(account.id, 'teacher')).toMatchObject({ role: 'teacher' });
    expect((await here.fromSession(token))?.role).toBe('teacher');
  });

  it('does not keep a session past its own expiry', async () => {
    const guest = await here.createGuest();
    const { token, expires } = await here.startSession(guest.id);
    expect(await here.fromSession(token)).toBeDefined();
    now = expires.getTime() + 1;
    expect(await here.fromSession(token)).toBeUndefined();
  });

  it('reads the database every time when the cache is off', async () => {
    const uncached = createAccounts(database.db, clock, { sessionCacheMs: 0 });
    const guest = await uncached.createGuest();
    const { token } = await uncached.startSession(guest.id);
    expect(await uncached.fromSession(token)).toBeDefined();
    await here.endSession(token);
    expect(await uncached.fromSession(token)).toBeUndefined();
  });
});
