// Learner endpoints (see api-types.ts for the shapes and docs/api-learner.md for client authors).
// Every route is about the signed-in account; a course it may not take answers 404.
import { Hono } from 'hono';
import type { ServerContext } from '../server-context.js';
import { courseRoutes } from './course-routes.js';
import { exportRoutes } from './export-routes.js';
import { loadLearnerCourse, requireSignedIn, type LearnerVariables } from './learner-course.js';
import { profileRoutes } from './profile-routes.js';
import { turnRoutes } from './turn-routes.js';

export function learnerRoutes(context: ServerContext) {
  const app = new Hono<{ Variables: LearnerVariables }>();
  // Once here for every module below: signed in, and the course (with access) for course routes.
  app.use('/courses', requireSignedIn);
  app.use('/courses/:course/*', loadLearnerCourse(context));
  app.use('/me/*', requireSignedIn);
  app.route('/', courseRoutes(context));
  app.route('/', turnRoutes(context));
  app.route('/', profileRoutes(context));
  app.route('/', exportRoutes(context));
  return app;
}
