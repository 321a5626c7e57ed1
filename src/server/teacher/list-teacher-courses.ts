// GET /api/teacher/courses: the courses this account may teach, with versions, check results and
// how many learners have done anything in each.
import { sql } from 'kysely';
import type { Diagnostic } from '../../course/index.js';
import type { Account } from '../auth/accounts.js';
import type { ApiDiagnostic, ApiTeacherCourse } from '../api-types.js';
import type { ServerContext } from '../server-context.js';

export async function listTeacherCourses(context: Pick<ServerContext, 'store' | 'catalog' | 'courseChecks'>, account: Account): Promise<ApiTeacherCourse[]> {
  const { db } = context.store;
  // The same rule as `courseAccess`, as one query: an admin teaches every course, a teacher those
  // they own or were invited to teach.
  let query = db.selectFrom('courses').select(['id', 'title', 'current_version']).where('current_version', 'is not', null);
  if (account.role !== 'admin') {
    query = query.where((where) =>
      where.or([
        where('owner_id', '=', account.id),
        where.exists(
          where
            .selectFrom('enrollments')
            .select('enrollments.id')
            .whereRef('enrollments.course_id', '=', 'courses.id')
            .where('enrollments.user_id', '=', account.id)
            .where('enrollments.role', '=', 'teacher')
            .where('enrollments.accepted_at', 'is not', null),
        ),
      ]),
    );
  }
  const courses = await query.orderBy('title').execute();
  if (courses.length === 0) return [];

  const counts = await db
    .selectFrom('events')
    .select(['course', sql<string>`count(distinct learner)`.as('learners')])
    .where('course', 'in', courses.map((course) => course.id))
    .groupBy('course')
    .execute();
  const learners = new Map(counts.map((row) => [row.course, Number(row.learners)]));

  return Promise.all(
    courses.map(async (course) => {
      const check = context.courseChecks.get(course.id);
      const versions = await context.catalog.versions(course.id);
      return {
        id: course.id,
        title: course.title,
        version: course.current_version!,
        source: check ? 'folder' : 'upload',
        learners: learners.get(course.id) ?? 0,
        diagnostics: (check?.diagnostics ?? []).map(toApiDiagnostic),
        versions: versions.map((version) => ({ version: version.version, publishedAt: version.publishedAt.toISOString(), current: version.version === course.current_version })),
      } satisfies ApiTeacherCourse;
    }),
  );
}

function toApiDiagnostic(diagnostic: Diagnostic): ApiDiagnostic {
  return { severity: diagnostic.severity, path: diagnostic.path, line: diagnostic.line, column: diagnostic.column, message: diagnostic.message, ...(diagnostic.hint ? { hint: diagnostic.hint } : {}) };
}
