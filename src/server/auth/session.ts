// Session cookies and the middleware that puts the signed-in account on the request.
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { UserRole } from '../../store/index.js';
import type { Account, Accounts } from './accounts.js';

export const sessionCookie = 'primer_session';

export type AuthVariables = { account: Account | undefined };

export function loadAccount(accounts: Accounts): MiddlewareHandler<{ Variables: AuthVariables }> {
  return async (c, next) => {
    const token = getCookie(c, sessionCookie);
    c.set('account', token ? await accounts.fromSession(token) : undefined);
    await next();
  };
}

/** Lets the request through only for a signed-in account with one of `roles` (any role when empty). */
export function requireRole(...roles: UserRole[]): MiddlewareHandler<{ Variables: AuthVariables }> {
  return async (c, next) => {
    const account = c.get('account');
    if (!account) return c.json({ error: 'sign in first' }, 401);
    if (roles.length > 0 && !roles.includes(account.role)) return c.json({ error: `this needs the ${roles.join(' or ')} role` }, 403);
    await next();
  };
}

export function setSessionCookie(c: Context, session: { token: string; expires: Date }): void {
  setCookie(c, sessionCookie, session.token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: new URL(c.req.url).protocol === 'https:',
    path: '/',
    expires: session.expires,
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, sessionCookie, { path: '/' });
}
