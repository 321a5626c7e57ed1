// GET /api/teacher/courses/:course/dashboard (see read-dashboard.ts).
import { Hono } from 'hono';
import type { ServerContext } from '../server-context.js';
import { readDashboard } from './read-dashboard.js';
import type { TeacherEnv } from './teacher-variables.js';

export function dashboardRoutes(context: ServerContext) {
  const app = new Hono<TeacherEnv>();
  app.get('/:course/dashboard', async (c) => {
    const bundle = (await context.catalog.bundle(c.get('teaching').course))!; // the gate checked it is published
    return c.json(await readDashboard(context.store, bundle));
  });
  return app;
}
