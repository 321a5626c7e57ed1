// Reading a course as a learner: the list, the outline, lessons, exercises, the course map and
// the chat so far. Everything is about the signed-in account ("me"): no learner id is a parameter.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Hono } from 'hono';
import { z } from 'zod';
import { validate } from '../http-errors.js';
import { readCourseAccess } from '../access.js';
import type { ApiCourseListItem, ApiCourseOutline } from '../api-types.js';
import type { ServerContext } from '../server-context.js';
import { courseTranslator, createCourseText } from './course-text.js';
import { exerciseView } from './exercise-view.js';
import type { LearnerVariables } from './learner-course.js';
import { learnerStateView } from './learner-state-view.js';
import { lessonView } from './lesson-view.js';
import { readChatHistory } from './read-chat-history.js';

/** A BCP 47 language tag such as `es` or `pt-BR`. */
export const languageTagSchema = z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'expected a language code such as "es" or "pt-BR"');

export function courseRoutes(context: ServerContext) {
  const app = new Hono<{ Variables: LearnerVariables }>();

  app.get('/courses', async (c) => {
    const account = c.get('account')!;
    const courses: ApiCourseListItem[] = [];
    for (const course of await context.catalog.list()) {
      const found = await readCourseAccess(context, account, course.id);
      const bundle = found ? await context.catalog.bundle(course.id, found.version) : undefined;
      if (found && bundle) courses.push({ id: course.id, title: course.title, language: bundle.public.course.language, version: found.version, access: found.access });
    }
    return c.json({ courses });
  });

  // Titles in the learner's language through the shared translation cache, like the lessons.
  app.get('/courses/:course', validate('query', z.object({ lang: languageTagSchema.optional() })), async (c) => {
    const { account, bundle, journal } = c.get('learnerCourse');
    const { course, lessons, exercises } = bundle.public;
    const { state } = await journal.read(account.id);
    const text = createCourseText(courseTranslator(context, bundle), bundle, c.req.valid('query').lang ?? state.profile.language ?? course.language);
    const title = async (original: string) => (await text.translate(original)).text;
    const outline: ApiCourseOutline = {
      id: course.id,
      title: await title(course.title),
      language: course.language,
      version: bundle.public.hash,
      skills: await Promise.all(course.skills.map(async (skill) => ({ id: skill.id, title: await title(skill.title), prerequisites: skill.prerequisites }))),
      lessons: await Promise.all(
        lessons.map(async (lesson) => ({
          id: lesson.id,
          title: await title(lesson.title),
          skills: lesson.skills,
          prerequisites: lesson.prerequisites,
          minutes: lesson.minutes,
          exercises: exercises.filter((exercise) => exercise.lesson === lesson.id).map((exercise) => exercise.id),
        })),
      ),
    };
    return c.json(outline);
  });

  app.get('/courses/:course/lessons/:lesson', validate('query', z.object({ lang: languageTagSchema.optional() })), async (c) => {
    const { account, bundle, journal } = c.get('learnerCourse');
    const lesson = bundle.public.lessons.find((candidate) => candidate.id === c.req.param('lesson'));
    if (!lesson) return c.json({ error: `there is no lesson "${c.req.param('lesson')}" in this course` }, 404);
    const { state } = await journal.read(account.id);
    const language = c.req.valid('query').lang ?? state.profile.language ?? bundle.public.course.language;
    const text = createCourseText(courseTranslator(context, bundle), bundle, language);
    return c.json(await lessonView({ bundle, lesson, learner: account.id, state, text }));
  });

  app.get('/courses/:course/exercises/:exercise', validate('query', z.object({ lang: languageTagSchema.optional() })), async (c) => {
    const { account, bundle, journal } = c.get('learnerCourse');
    const exercise = bundle.public.exercises.find((candidate) => candidate.id === c.req.param('exercise'));
    if (!exercise) return c.json({ error: `there is no exercise "${c.req.param('exercise')}" in this course` }, 404);
    const { state } = await journal.read(account.id);
    const language = c.req.valid('query').lang ?? state.profile.language ?? bundle.public.course.language;
    const text = createCourseText(courseTranslator(context, bundle), bundle, language);
    return c.json((await exerciseView({ bundle, exercise, learner: account.id, state, text })).exercise);
  });

  app.get('/courses/:course/state', async (c) => {
    const { account, bundle, journal } = c.get('learnerCourse');
    const { state } = await journal.read(account.id);
    return c.json(learnerStateView(state, bundle.public, account.id, context.clock.now()));
  });

  // The chat, a page of whole turns at a time (?before=<turn id> pages back).
  app.get('/courses/:course/messages', validate('query', z.object({ before: z.string().trim().min(1).max(100).optional() })), async (c) => {
    const { account, bundle } = c.get('learnerCourse');
    const { before } = c.req.valid('query');
    const history = await readChatHistory(context.store, bundle, account.id, before);
    if (!history) return c.json({ error: `there is no turn "${before}" in your conversation in this course` }, 404);
    return c.json(history);
  });

  // Figures the lessons show, from the course folder; never the course's text files (the exercise files hold the keys).
  app.get('/courses/:course/files/*', async (c) => {
    const { bundle } = c.get('learnerCourse');
    const relative = decodeURIComponent(c.req.path.slice(c.req.path.indexOf('/files/') + '/files/'.length));
    const type = figureTypes[path.extname(relative).toLowerCase()];
    if (!type) return c.json({ error: `"${relative}" is not a figure (expected .svg, .png, .jpg, .gif or .webp)` }, 404);
    const folder = context.courseChecks.get(bundle.public.course.id)?.folder;
    const root = folder && path.resolve(folder);
    const file = root && path.resolve(root, relative);
    const body = file && file.startsWith(root + path.sep) ? await readFile(file).catch(() => undefined) : undefined;
    if (!body) return c.json({ error: `this course has no figure "${relative}"${folder ? '' : ' (it was uploaded as a bundle, which carries no figures)'}` }, 404);
    return c.body(body, 200, { 'content-type': type, 'cache-control': 'private, max-age=300', 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'" });
  });

  return app;
}

const figureTypes: Record<string, string> = { '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp' };
