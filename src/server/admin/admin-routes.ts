// Admin endpoints (see api-types.ts for the shapes): the accounts of this Primer, their roles, and
// deleting a learner with everything they left.
import { Hono } from 'hono';
import { z } from 'zod';
import type { ApiUser } from '../api-types.js';
import { requireRole, type AuthVariables } from '../auth/session.js';
import { validate } from '../http-errors.js';
import type { ServerContext } from '../server-context.js';

const roleBody = z.object({ role: z.enum(['admin', 'teacher', 'learner'], 'role is admin, teacher or learner') });

export function adminRoutes(context: ServerContext) {
  const { accounts } = context;
  const app = new Hono<{ Variables: AuthVariables }>();
  app.use('*', requireRole('admin'));

  app.get('/users', async (c) => {
    const users: ApiUser[] = (await accounts.list()).map(({ createdAt, ...account }) => ({ ...account, createdAt: createdAt.toISOString() }));
    return c.json({ users });
  });

  app.patch('/users/:id', validate('json', roleBody), async (c) => {
    const id = c.req.param('id');
    const { role } = c.req.valid('json');
    const target = await accounts.find(id);
    if (!target) return c.json({ error: `no account with id ${id}` }, 404);
    if (target.guest && role !== 'learner') return c.json({ error: 'a guest account has no email or password, so it can only be a learner; ask the person to sign up first' }, 400);
    const changed = await accounts.changeRole(id, role);
    if (changed === 'not-found') return c.json({ error: `no account with id ${id}` }, 404);
    if (changed === 'last-admin') return c.json({ error: 'this is the only admin; make another account admin first, so someone can still administer Primer' }, 409);
    return c.json({ user: changed });
  });

  /** Erases a learner account and everything it left: events, progress, chat, questions (accounts.erase). */
  app.delete('/users/:id', async (c) => {
    const id = c.req.param('id');
    const erased = await accounts.erase(id);
    if (erased === 'not-found') return c.json({ error: `no account with id ${id}` }, 404);
    if (erased === 'not-a-learner') return c.json({ error: 'only a learner account can be deleted; make it a learner first' }, 409);
    if (erased === 'reviewed-translations') return c.json({ error: 'this account approved translations as a teacher, and they name it as their reviewer; it cannot be deleted' }, 409);
    return c.json({ erased });
  });

  return app;
}
