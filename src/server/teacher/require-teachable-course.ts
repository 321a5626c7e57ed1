// The one gate of every /api/teacher/courses/:course/… endpoint: the signed-in teacher or admin must
// be able to teach the course. A course they cannot teach is answered 404, like one that does not
// exist, so a teacher cannot even learn which other courses there are.
import type { MiddlewareHandler } from 'hono';
import { canTeach, courseAccess } from '../access.js';
import type { ServerContext } from '../server-context.js';
import type { TeacherEnv } from './teacher-variables.js';

export function requireTeachableCourse(context: Pick<ServerContext, 'store' | 'guestCourses'>): MiddlewareHandler<TeacherEnv> {
  return async (c, next) => {
    const account = c.get('account');
    const course = c.req.param('course');
    if (!account) return c.json({ error: 'sign in first' }, 401);
    if (!course) return c.json({ error: 'name a course in the path' }, 404);
    const access = await courseAccess(context, account, course);
    if (!canTeach(access)) return c.json({ error: `no course "${course}" among yours; GET /api/teacher/courses lists the courses you teach` }, 404);
    c.set('teaching', { course, access });
    await next();
  };
}
