// The course a learner route acts on: signed in (401), may take the course (404 otherwise, so
// course ids do not leak), and the course's current version. The learner is always the signed-in
// account: no learner route takes another learner's id.
import type { MiddlewareHandler } from 'hono';
import type { CourseBundle } from '../../course/index.js';
import type { TutorJournal } from '../../tutor/index.js';
import { readCourseAccess, type CourseAccess } from '../access.js';
import type { Account } from '../auth/accounts.js';
import type { AuthVariables } from '../auth/session.js';
import type { ServerContext } from '../server-context.js';
import { createStoreJournal } from '../tutoring/store-journal.js';

export interface LearnerCourse {
  account: Account;
  access: CourseAccess;
  bundle: CourseBundle;
  /** The learner's events in this course (the same journal contract the tutor uses). */
  journal: TutorJournal;
}

export type LearnerVariables = AuthVariables & { learnerCourse: LearnerCourse };

/** Signed in at all; for routes that are about the account, not a course. */
export const requireSignedIn: MiddlewareHandler<{ Variables: AuthVariables }> = async (c, next) => {
  if (!c.get('account')) return c.json({ error: 'sign in first (or continue as a guest)' }, 401);
  await next();
};

/** Loads `:course` for the signed-in account into `c.get('learnerCourse')`. */
export function loadLearnerCourse(context: ServerContext): MiddlewareHandler<{ Variables: LearnerVariables }> {
  return async (c, next) => {
    const account = c.get('account');
    if (!account) return c.json({ error: 'sign in first (or continue as a guest)' }, 401);
    const course = c.req.param('course') ?? '';
    const found = await readCourseAccess(context, account, course);
    const bundle = found ? await context.catalog.bundle(course, found.version) : undefined; // a version already loaded is not read again
    const access = found?.access;
    if (!access || !bundle) return c.json({ error: `there is no course "${course}" that you can take; check the link, or ask your teacher for an invitation` }, 404);
    c.set('learnerCourse', { account, access, bundle, journal: createStoreJournal(context.store, bundle) });
    await next();
  };
}
