// Who may do what with a course. One place decides it, so every route asks the same question.
//   admin   — every course;
//   teacher — courses they own, or where an accepted enrollment makes them a teacher;
//   learner — guest courses, and courses where an accepted enrollment makes them a learner.
import { sql } from 'kysely';
import type { Account } from './auth/accounts.js';
import type { ServerContext } from './server-context.js';

export type CourseAccess = 'admin' | 'teacher' | 'learner' | 'guest';

/** How `account` reaches `course`, or undefined when it may not (the route answers 404, not 403, so ids do not leak). */
export async function courseAccess(context: Pick<ServerContext, 'store' | 'guestCourses'>, account: Account, course: string): Promise<CourseAccess | undefined> {
  return (await readCourseAccess(context, account, course))?.access;
}

/** The access and the course's current version (its content hash), read in one statement. */
export async function readCourseAccess(context: Pick<ServerContext, 'store' | 'guestCourses'>, account: Account, course: string): Promise<{ access: CourseAccess; version: string } | undefined> {
  // One statement, written as SQL: a learner's every request asks it, and the query builder's work for this nested select showed in profiles.
  const { rows } = await sql<{ owner_id: string | null; current_version: string | null; enrollment: string | null }>`
    select owner_id, current_version,
      (select role from enrollments where course_id = ${course} and user_id = ${account.id} and accepted_at is not null order by role desc limit 1) as enrollment
    from courses where id = ${course} and current_version is not null`.execute(context.store.db);
  const row = rows[0]; // 'teacher' sorts before 'learner' above
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
