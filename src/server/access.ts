// Who may do what with a course. One place decides it, so every route asks the same question.
//   admin   — every course;
//   teacher — courses they own, or where an accepted enrollment makes them a teacher;
//   learner — guest courses, and courses where an accepted enrollment makes them a learner.
import type { Account } from './auth/accounts.js';
import type { ServerContext } from './server-context.js';

export type CourseAccess = 'admin' | 'teacher' | 'learner' | 'guest';

/** How `account` reaches `course`, or undefined when it may not (the route answers 404, not 403, so ids do not leak). */
export async function courseAccess(context: Pick<ServerContext, 'store' | 'guestCourses'>, account: Account, course: string): Promise<CourseAccess | undefined> {
  return (await readCourseAccess(context, account, course))?.access;
}

/** The access and the course's current version (its content hash), read in one statement. */
export async function readCourseAccess(context: Pick<ServerContext, 'store' | 'guestCourses'>, account: Account, course: string): Promise<{ access: CourseAccess; version: string } | undefined> {
  const row = await context.store.db
    .selectFrom('courses')
    .select((eb) => [
      'owner_id',
      'current_version',
      eb
        .selectFrom('enrollments')
        .select('role')
        .where('enrollments.course_id', '=', course)
        .where('enrollments.user_id', '=', account.id)
        .where('enrollments.accepted_at', 'is not', null)
        .orderBy('role', 'desc') // 'teacher' before 'learner'
        .limit(1)
        .as('enrollment'),
    ])
    .where('id', '=', course)
    .where('current_version', 'is not', null)
    .executeTakeFirst();
  if (!row?.current_version) return undefined;
  const access = decide(row.owner_id, row.enrollment);
  return access ? { access, version: row.current_version } : undefined;

  function decide(owner: string | null, enrollment: string | null): CourseAccess | undefined {
    if (account.role === 'admin') return 'admin';
    if (account.role === 'teacher' && owner === account.id) return 'teacher';
    if (enrollment === 'teacher' && account.role !== 'learner') return 'teacher';
    if (enrollment) return 'learner';
    if (context.guestCourses.has(course)) return 'guest';
    return undefined;
  }
}

/** True when the access lets the account see the course's teacher views. */
export const canTeach = (access: CourseAccess | undefined): access is 'admin' | 'teacher' => access === 'admin' || access === 'teacher';
