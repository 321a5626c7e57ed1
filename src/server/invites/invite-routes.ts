// Invitations: a teacher creates a link, a visitor accepts it (see api-types.ts for the shapes).
import { Hono } from 'hono';
import type { AuthVariables } from '../auth/session.js';
import type { ServerContext } from '../server-context.js';

export function inviteRoutes(context: ServerContext) {
  void context;
  const app = new Hono<{ Variables: AuthVariables }>();
  return app;
}
