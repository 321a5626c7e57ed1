// Invitations: a teacher creates a link (see teacher/invitation-routes.ts), a visitor opens and
// accepts it here (see api-types.ts for the shapes).
//   signed in            → this account is enrolled (a teacher invitation makes a learner a teacher);
//   a guest with email + password → the guest becomes a full account, keeping its progress;
//   not signed in        → the account is created from name, email and password, and signed in.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { ApiInvitation, ApiInvitationAccepted } from '../api-types.js';
import type { Account } from '../auth/accounts.js';
import { setSessionCookie, type AuthVariables } from '../auth/session.js';
import { validate } from '../http-errors.js';
import type { ServerContext } from '../server-context.js';
import { createInvitations, type Invitation } from './invitations.js';

const acceptBody = z.object({
  name: z.string().trim().min(1, 'enter your name').max(100, 'a name has at most 100 characters').optional(),
  email: z.string().trim().email('enter a valid email address').optional(),
  password: z.string().min(10, 'use at least 10 characters').max(200, 'a password has at most 200 characters').optional(),
});

type InviteContext = Context<{ Variables: AuthVariables }>;

export function inviteRoutes(context: ServerContext) {
  const { accounts } = context;
  const invitations = createInvitations(context.store.db, context.clock);
  const app = new Hono<{ Variables: AuthVariables }>();

  /** The invitation, or the response that explains why it cannot be used. */
  const openInvitation = async (c: InviteContext): Promise<Invitation | Response> => {
    const invitation = await invitations.find(c.req.param('token') ?? '');
    if (!invitation) return c.json({ error: 'this invitation link is not valid; check that you copied all of it, or ask your teacher for a new one' }, 404);
    if (invitation.state === 'used') return c.json({ error: 'this invitation was accepted already; sign in to continue the course' }, 410);
    if (invitation.state === 'expired') return c.json({ error: 'this invitation has expired; ask your teacher for a new link' }, 410);
    return invitation;
  };

  app.get('/:token', async (c) => {
    const invitation = await openInvitation(c);
    if (invitation instanceof Response) return invitation;
    return c.json({ course: invitation.course, role: invitation.role, email: invitation.email } satisfies ApiInvitation);
  });

  app.post('/:token/accept', validate('json', acceptBody), async (c) => {
    const invitation = await openInvitation(c);
    if (invitation instanceof Response) return invitation;
    const body = c.req.valid('json');
    const signedIn = c.get('account');
    const wrongEmail = (email: string) => invitation.email !== null && email.trim().toLowerCase() !== invitation.email;
    const forOtherEmail = () => c.json({ error: `this invitation is for ${invitation.email}; sign in or sign up with that email` }, 403);

    let account: Account;
    let created = false;
    if (signedIn && !signedIn.guest) {
      if (wrongEmail(signedIn.email)) return forOtherEmail();
      account = signedIn;
    } else if (signedIn && !body.email && !body.password && invitation.role === 'learner' && invitation.email === null) {
      account = signedIn; // a guest may join a course as a guest; it can add an email and password later
    } else {
      const email = body.email ?? invitation.email;
      if (!email) return c.json({ error: 'email: enter your email address to accept this invitation' }, 400);
      if (!body.password) return c.json({ error: 'password: choose a password (at least 10 characters) to accept this invitation' }, 400);
      if (wrongEmail(email)) return forOtherEmail();
      const name = body.name ?? (signedIn ? undefined : '');
      if (name === '') return c.json({ error: 'name: enter your name' }, 400);
      const outcome = signedIn
        ? await accounts.upgradeGuest(signedIn.id, { email, name: name ?? email.split('@')[0]!, password: body.password })
        : await accounts.create({ email, name: name!, password: body.password, role: invitation.role === 'teacher' ? 'teacher' : 'learner' });
      if (outcome === 'email-taken') return c.json({ error: 'an account with this email exists; sign in with it, then open the invitation link again' }, 409);
      if (outcome === 'not-a-guest') throw new Error('a signed-in guest was not a guest');
      account = outcome;
      created = !signedIn;
    }

    if (!(await invitations.accept(invitation, account.id))) return c.json({ error: 'this invitation was accepted already; sign in to continue the course' }, 410);
    if (invitation.role === 'teacher' && account.role === 'learner') {
      const promoted = await accounts.changeRole(account.id, 'teacher');
      if (typeof promoted !== 'string') account = promoted;
    }
    if (created) setSessionCookie(c, await accounts.startSession(account.id));
    return c.json({ account, course: invitation.course } satisfies ApiInvitationAccepted, created ? 201 : 200);
  });

  return app;
}
