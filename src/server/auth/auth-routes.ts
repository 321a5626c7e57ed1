// Signing in and out, guests, the one-time admin setup, and deleting one's own account.
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { z } from 'zod';
import { validate } from '../http-errors.js';
import type { Accounts } from './accounts.js';
import { hashToken } from './tokens.js';
import { clearSessionCookie, requireRole, sessionCookie, setSessionCookie, type AuthVariables } from './session.js';

const credentials = z.object({
  email: z.string().trim().email('enter a valid email address'),
  password: z.string().min(1, 'enter your password').max(200, 'a password has at most 200 characters'),
});
const newAccount = z.object({
  token: z.string().min(1, 'the setup link is incomplete'),
  email: z.string().trim().email('enter a valid email address'),
  name: z.string().trim().min(1, 'enter your name').max(100),
  password: z.string().min(10, 'use at least 10 characters').max(200, 'a password has at most 200 characters'),
});

const accountDeletion = z.object({ password: z.string().max(200, 'a password has at most 200 characters').optional() });

export interface AuthRouteOptions {
  accounts: Accounts;
  /** Hash of the one-time setup token printed at first start; undefined once an admin exists. */
  setupTokenHash?: string;
  guestMode: boolean;
}

export function authRoutes({ accounts, setupTokenHash, guestMode }: AuthRouteOptions) {
  let setupHash = setupTokenHash;
  const app = new Hono<{ Variables: AuthVariables }>();

  app.post('/setup', validate('json', newAccount), async (c) => {
    const body = c.req.valid('json');
    if (!setupHash || (await accounts.hasAdmin())) return c.json({ error: 'this Primer already has an admin; sign in instead' }, 409);
    if (hashToken(body.token) !== setupHash) return c.json({ error: 'this setup link is not valid; use the one printed when the server first started' }, 403);
    const account = await accounts.create({ email: body.email, name: body.name, password: body.password, role: 'admin' });
    if (account === 'email-taken') return c.json({ error: 'an account with this email exists' }, 409);
    setupHash = undefined; // one time only
    setSessionCookie(c, await accounts.startSession(account.id));
    return c.json({ account }, 201);
  });

  app.post('/login', validate('json', credentials), async (c) => {
    const { email, password } = c.req.valid('json');
    const account = await accounts.verify(email, password);
    if (!account) return c.json({ error: 'wrong email or password' }, 401);
    setSessionCookie(c, await accounts.startSession(account.id));
    return c.json({ account });
  });

  app.post('/guest', async (c) => {
    if (!guestMode) return c.json({ error: 'guest access is turned off here; ask your teacher for an invitation' }, 403);
    const account = await accounts.createGuest();
    setSessionCookie(c, await accounts.startSession(account.id));
    return c.json({ account }, 201);
  });

  app.post('/logout', async (c) => {
    const token = getCookie(c, sessionCookie);
    if (token) await accounts.endSession(token);
    clearSessionCookie(c);
    return c.json({ ok: true });
  });

  /** Who is signed in: `account` is null for a visitor (not a 401: every page asks this first). */
  app.get('/me', (c) => c.json({ account: c.get('account') ?? null }));

  /**
   * A learner deletes their own account and everything they did (accounts.erase); a full account
   * confirms with its password, a guest has none. Teachers and admins are deleted by an admin.
   */
  app.delete('/me', requireRole(), validate('json', accountDeletion), async (c) => {
    const account = c.get('account')!;
    if (!account.guest && !(await accounts.verify(account.email, c.req.valid('json').password ?? ''))) return c.json({ error: 'enter your password to delete your account' }, 403);
    const erased = await accounts.erase(account.id);
    if (erased === 'not-a-learner') return c.json({ error: 'a teacher or admin account is deleted by an admin, once it is a learner account again' }, 409);
    if (erased === 'reviewed-translations') return c.json({ error: 'this account approved translations as a teacher; ask an admin' }, 409);
    if (erased === 'not-found') return c.json({ error: 'this account no longer exists' }, 404);
    clearSessionCookie(c);
    return c.json({ erased });
  });

  return app;
}
