// Courses and their versions: list what I teach, upload a built bundle, switch the current version.
import { Hono } from 'hono';
import { z } from 'zod';
import { canTeach, courseAccess } from '../access.js';
import type { ApiPublishedCourse } from '../api-types.js';
import { validate } from '../http-errors.js';
import type { ServerContext } from '../server-context.js';
import { listTeacherCourses } from './list-teacher-courses.js';
import { parseUploadedBundle } from './parse-uploaded-bundle.js';
import type { TeacherEnv } from './teacher-variables.js';

const currentVersionBody = z.object({ version: z.string().trim().min(1, 'name the version (its content hash) to make current') });

export function courseVersionRoutes(context: ServerContext) {
  const app = new Hono<TeacherEnv>();

  app.get('/', async (c) => c.json({ courses: await listTeacherCourses(context, c.get('account')!) }));

  app.post('/', async (c) => {
    const account = c.get('account')!;
    const body = await c.req.json().catch(() => undefined);
    if (body === undefined) return c.json({ error: 'the body is not JSON; send { "public": <public.json>, "keys": <keys.json> }' }, 400);
    const parsed = parseUploadedBundle(body);
    if ('error' in parsed) return c.json({ error: parsed.error }, 400);
    const id = parsed.bundle.public.course.id;
    const existing = await context.store.db.selectFrom('courses').select('id').where('id', '=', id).executeTakeFirst();
    // An existing course id may be updated only by someone who teaches it; anyone else picked a taken id.
    if (existing && !canTeach(await courseAccess(context, account, id))) {
      return c.json({ error: `the course id "${id}" belongs to another teacher's course; choose another id in course.yaml and build again` }, 409);
    }
    const published: ApiPublishedCourse = await context.catalog.publish(parsed.bundle, account.id);
    return c.json(published, published.isNew ? 201 : 200);
  });

  app.post('/:course/current', validate('json', currentVersionBody), async (c) => {
    const { course } = c.get('teaching');
    const { version } = c.req.valid('json');
    if (!(await context.catalog.setCurrent(course, version))) {
      return c.json({ error: `course "${course}" has no version ${version}; GET /api/teacher/courses lists its versions` }, 404);
    }
    return c.json({ course, version });
  });

  return app;
}
