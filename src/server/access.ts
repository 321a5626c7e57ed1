// Who may do what with a course. One place decides it, so every route asks the same question.
//   admin   — every course;
//   teacher — courses they own, or where an accepted enrollment makes them a teacher;
//   learner — guest courses, and courses where an accepted enrollment makes them a learner.
import type { Account } from './auth/accounts.js';
import type { ServerContext } from './server-context.js';

export type CourseAccess = 'admin' | 'teacher' | 'learner' | 'guest';

/** How `account` reaches `course`, or undefined when it may not (the route answers 404, not 403, so ids do not leak). */
export async function courseAccess(context: Pick<ServerContext, 'store' | 'guestCourses'>, account: Account, course: string): Promise<CourseAccess | undefined> {
  const exists = await context.store.db.selectFrom('courses').select(['owner_id']).where('id', '=', course).where('current_version', 'is not', null).executeTakeFirst();
  if (!exists) return undefined;
  if (account.role === 'admin') return 'admin';
  if (account.role === 'teacher' && exists.owner_id === account.id) return 'teacher';
  const enrollment = await context.store.db
    .selectFrom('enrollments')
    .select('role')
    .where('course_id', '=', course)
    .where('user_id', '=', account.id)
    .where('accepted_at', 'is not', null)
    .orderBy('role', 'desc') // 'teacher' before 'learner'
    .executeTakeFirst();
  if (enrollment?.role === 'teacher' && account.role !== 'learner') return 'teacher';
  if (enrollment) return 'learner';
  if (context.guestCourses.has(course)) return 'guest';
  return undefined;
}

/** True when the access lets the account see the course's teacher views. */
export const canTeach = (access: CourseAccess | undefined): access is 'admin' | 'teacher' => access === 'admin' || access === 'teacher';
