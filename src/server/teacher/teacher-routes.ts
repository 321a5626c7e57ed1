// Teacher endpoints (see api-types.ts for the shapes). Every one needs the teacher or admin role;
// those under /courses/:course also need the right to teach that course (else 404).
import { Hono } from 'hono';
import { requireRole } from '../auth/session.js';
import type { ServerContext } from '../server-context.js';
import { conversationRoutes } from './conversation-routes.js';
import { courseVersionRoutes } from './course-version-routes.js';
import { dashboardRoutes } from './dashboard-routes.js';
import { invitationRoutes } from './invitation-routes.js';
import { requireTeachableCourse } from './require-teachable-course.js';
import type { TeacherEnv } from './teacher-variables.js';
import { translationRoutes } from './translation-routes.js';

export function teacherRoutes(context: ServerContext) {
  const app = new Hono<TeacherEnv>();
  app.use('*', requireRole('teacher', 'admin'));
  app.use('/courses/:course/*', requireTeachableCourse(context));
  app.route('/courses', courseVersionRoutes(context));
  app.route('/courses', dashboardRoutes(context));
  app.route('/courses', conversationRoutes(context));
  app.route('/courses', translationRoutes(context));
  app.route('/courses', invitationRoutes(context));
  return app;
}
