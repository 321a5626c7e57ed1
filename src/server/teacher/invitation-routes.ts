// POST /api/teacher/courses/:course/invites: a link that enrolls whoever accepts it, as a learner
// or as a teacher of this course. With an email, only that address may accept it.
import { Hono } from 'hono';
import { z } from 'zod';
import type { ApiInvite } from '../api-types.js';
import { validate } from '../http-errors.js';
import { createInvitations } from '../invites/invitations.js';
import type { ServerContext } from '../server-context.js';
import type { TeacherEnv } from './teacher-variables.js';

const inviteBody = z.object({
  role: z.enum(['learner', 'teacher'], 'role is learner or teacher'),
  email: z.string().trim().toLowerCase().email('enter a valid email address').optional(),
});

export function invitationRoutes(context: ServerContext) {
  const invitations = createInvitations(context.store.db, context.clock);
  const app = new Hono<TeacherEnv>();

  app.post('/:course/invites', validate('json', inviteBody), async (c) => {
    const { course } = c.get('teaching');
    const { role, email } = c.req.valid('json');
    const { token } = await invitations.create({ course, role, email: email ?? null });
    return c.json({ link: `${context.origin}/invite/${token}`, role, email: email ?? null } satisfies ApiInvite, 201);
  });

  return app;
}
