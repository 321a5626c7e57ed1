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

/** How long (ms) a process keeps a learner's access to a course and its current version; see loadLearnerCourse. */
export const learnerAccessCacheMs = 60_000;
const learnerAccessCacheSize = 20_000;

/**
 * Loads `:course` for the signed-in account into `c.get('learnerCourse')`. A learner sends a turn
 * every few seconds, so the access and the course's current version are kept per process for
 * `learnerAccessCacheMs`: a version published through this process is served at once (the catalog
 * counts its changes), one published through another process within that time. A refusal is never
 * kept, so an accepted invitation opens the course at once.
 */
export function loadLearnerCourse(context: ServerContext): MiddlewareHandler<{ Variables: LearnerVariables }> {
  const kept = new Map<string, { access: CourseAccess; version: string; catalogChanges: number; freshUntil: number }>();
  const readAccess = async (account: Account, course: string) => {
    const key = `${account.id}\u0000${account.role}\u0000${course}`;
    const now = context.clock.now().getTime();
    const catalogChanges = context.catalog.changes();
    const entry = kept.get(key);
    if (entry && entry.freshUntil > now && entry.catalogChanges === catalogChanges) return entry;
    kept.delete(key);
    const found = await readCourseAccess(context, account, course);
    if (found && context.catalog.changes() === catalogChanges) {
      kept.set(key, { ...found, catalogChanges, freshUntil: now + learnerAccessCacheMs });
      if (kept.size > learnerAccessCacheSize) kept.delete(kept.keys().next().value!);
    }
    return found;
  };
  return async (c, next) => {
    const account = c.get('account');
    if (!account) return c.json({ error: 'sign in first (or continue as a guest)' }, 401);
    const course = c.req.param('course') ?? '';
    const found = await readAccess(account, course);
    const bundle = found ? await context.catalog.bundle(course, found.version) : undefined; // a version already loaded is not read again
    const access = found?.access;
    if (!access || !bundle) return c.json({ error: `there is no course "${course}" that you can take; check the link, or ask your teacher for an invitation` }, 404);
    c.set('learnerCourse', { account, access, bundle, journal: createStoreJournal(context.store, bundle) });
    await next();
  };
}
