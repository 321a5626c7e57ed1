import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { asCourseFiles, tinyCourse } from '../../course/__fixtures__/tiny-course.js';
import { compileCourse, sha256, type CourseBundle } from '../../course/index.js';
import { glossaryVersion } from '../../i18n/index.js';
import { createServerTestKit } from '../testing/server-test-kit.js';

// A second course that is not a guest course: only enrolled learners may see it.
const privateCourse = compileCourse(asCourseFiles({ ...tinyCourse, 'course.yaml': tinyCourse['course.yaml']!.replace('id: tiny', 'id: private').replace('title: Tiny course', 'title: Private course') })).bundle as CourseBundle;
const kit = await createServerTestKit();
await kit.context.catalog.publish(privateCourse, null);
afterAll(() => kit.close());

const getJson = async (path: string, cookie: string) => {
  const response = await kit.request(path, { cookie });
  return { status: response.status, body: await response.json() };
};

describe('reading a course as a learner', () => {
  it('lists only the courses this account may take, and hides the others behind 404', async () => {
    const learner = await kit.signIn('learner');
    const { body } = await getJson('/api/courses', learner.cookie);
    expect(body.courses).toEqual([{ id: 'tiny', title: 'Tiny course', language: 'en', version: kit.course.public.hash, access: 'guest' }]);
    const hidden = await getJson('/api/courses/private', learner.cookie);
    expect(hidden.status).toBe(404);
    expect(hidden.body.error).toContain('no course "private"');
    expect((await getJson('/api/courses/private/state', learner.cookie)).status).toBe(404);
    expect((await kit.request('/api/courses')).status).toBe(401);
  });

  it('gives the outline: skills, and lessons with their exercises', async () => {
    const learner = await kit.signIn('learner');
    const { body } = await getJson('/api/courses/tiny', learner.cookie);
    expect(body.skills.map((skill: { id: string }) => skill.id)).toEqual(['add', 'multiply']);
    expect(body.lessons).toContainEqual({ id: 'multiplying', title: 'Multiplying', skills: ['multiply'], prerequisites: ['adding'], minutes: 15, exercises: ['mul-choice', 'mul-word'] });
  });

  it('renders a lesson in order: sections with KaTeX math, then its exercises without their keys', async () => {
    const learner = await kit.signIn('learner');
    const { status, body } = await getJson('/api/courses/tiny/lessons/adding', learner.cookie);
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: 'adding', title: 'Adding', language: 'en', partial: false });
    expect(body.blocks.map((block: { kind: string }) => block.kind)).toEqual(['section', 'exercise']);
    expect(body.blocks[0]).toMatchObject({ kind: 'section', id: 'adding#adding', heading: 'Adding' });
    expect(body.blocks[0].html).toContain('class="katex"');
    const exercise = body.blocks[1].exercise;
    expect(exercise).toMatchObject({ id: 'add-1', type: 'numeric', hintCount: 1, progress: { attempts: 0, solved: false, hintsSeen: 0 } });
    expect(exercise.promptHtml).toContain('katex');
    expect(JSON.stringify(body)).not.toMatch(/"answer"|"accept"|"correct"/);
    const choices = (await getJson('/api/courses/tiny/lessons/multiplying', learner.cookie)).body.blocks.filter((block: { kind: string }) => block.kind === 'exercise');
    expect(choices.map((block: { exercise: { id: string } }) => block.exercise.id)).toEqual(['mul-choice', 'mul-word']);
    expect(choices[0].exercise.choices.map((choice: { html: string }) => choice.html)).toEqual(['<p>5</p>', '<p>6</p>']);
    expect((await getJson('/api/courses/tiny/lessons/nope', learner.cookie)).status).toBe(404);
  });

  it('serves the figures a lesson shows from the course folder, and never its text files', async () => {
    const learner = await kit.signIn('learner');
    const folder = await mkdtemp(path.join(tmpdir(), 'primer-figures-'));
    await mkdir(path.join(folder, 'figures'));
    await writeFile(path.join(folder, 'figures', 'dots.svg'), tinyCourse['figures/dots.svg']!);
    await writeFile(path.join(folder, 'course.yaml'), tinyCourse['course.yaml']!);
    const html = (await getJson('/api/courses/tiny/lessons/multiplying', learner.cookie)).body.blocks[0].html as string;
    expect(html).toContain('src="/api/courses/tiny/files/figures/dots.svg"');
    expect((await kit.request('/api/courses/tiny/files/figures/dots.svg', { cookie: learner.cookie })).status).toBe(404); // uploaded: no folder
    kit.context.courseChecks.set('tiny', { folder, diagnostics: [] });
    try {
      const figure = await kit.request('/api/courses/tiny/files/figures/dots.svg', { cookie: learner.cookie });
      expect(figure.status).toBe(200);
      expect(figure.headers.get('content-type')).toBe('image/svg+xml');
      expect(await figure.text()).toBe(tinyCourse['figures/dots.svg']);
      const yaml = await kit.request('/api/courses/tiny/files/course.yaml', { cookie: learner.cookie });
      expect(yaml.status).toBe(404);
      expect((await yaml.json()).error).toContain('not a figure');
      expect((await kit.request('/api/courses/tiny/files/..%2F..%2Fetc%2Fx.svg', { cookie: learner.cookie })).status).toBe(404);
      expect((await kit.request('/api/courses/tiny/files/figures/dots.svg')).status).toBe(401);
    } finally {
      kit.context.courseChecks.delete('tiny');
      await rm(folder, { recursive: true });
    }
  });

  it('shows approved translations from the shared cache, and the course language (partial) where there is none and no model', async () => {
    const learner = await kit.signIn('learner');
    const chunk = kit.course.public.chunks.find((candidate) => candidate.lesson === 'adding')!;
    await kit.store.db
      .insertInto('translations')
      .values({ chunk_hash: chunk.hash, language: 'es', glossary_version: glossaryVersion(kit.course.public.course.glossary), text: '# Sumar\n\nDos más dos es $2 + 2 = 4$.', status: 'approved', reviewer_id: (await kit.signIn('teacher')).id, model: null, updated_at: new Date() })
      .execute();
    const { body } = await getJson('/api/courses/tiny/lessons/adding?lang=es', learner.cookie);
    expect(body.language).toBe('es');
    expect(body.blocks[0].html).toContain('Dos más dos');
    expect(body.blocks[0].html).toContain('class="katex"');
    expect(body.partial).toBe(true); // the title and the exercise are still in English
    // each part says its own language, so the browser sets an English part left to right inside an Arabic or Spanish page
    expect(body.blocks[0].language).toBe('es');
    expect(body.titleLanguage).toBe('en');
    const exercise = body.blocks.find((block: { kind: string }) => block.kind === 'exercise');
    expect(exercise.exercise.promptLanguage).toBe('en');
    expect((await getJson('/api/courses/tiny/lessons/adding?lang=not a language', learner.cookie)).status).toBe(400);
  });

  it("gives the outline's titles in the learner's language where the cache has them", async () => {
    const learner = await kit.signIn('learner');
    const skill = kit.course.public.course.skills[0]!;
    await kit.store.db
      .insertInto('translations')
      .values({ chunk_hash: sha256(skill.title), language: 'fr', glossary_version: glossaryVersion(kit.course.public.course.glossary), text: 'Additionner', status: 'approved', reviewer_id: (await kit.signIn('teacher')).id, model: null, updated_at: new Date() })
      .execute();
    const { body } = await getJson('/api/courses/tiny?lang=fr', learner.cookie);
    expect(body.skills[0]).toMatchObject({ id: skill.id, title: 'Additionner' });
    expect(body.title).toBe('Tiny course'); // no translation yet, no model: the course language
    expect((await getJson('/api/courses/tiny', learner.cookie)).body.skills[0].title).toBe(skill.title);
  });

  it('shows the course map: skills not started, and the next activity with its reason', async () => {
    const learner = await kit.signIn('learner');
    const { body } = await getJson('/api/courses/tiny/state', learner.cookie);
    expect(body.skills.map((skill: { id: string; status: string }) => [skill.id, skill.status])).toEqual([['add', 'not-started'], ['multiply', 'not-started']]);
    expect(body.next).toEqual({ kind: 'teach', lesson: 'adding', reason: "Let's start with Adding.", why: { code: 'start', lesson: 'adding' } });
    expect(body.reviewsDue).toEqual([]);
    expect(body.profile).toEqual({ tags: [] });
  });

  it('marks a lesson and its skills started once the learner tries one of its exercises', async () => {
    const learner = await kit.signIn('learner');
    await kit.request('/api/courses/tiny/exercises/mul-choice/attempts', { cookie: learner.cookie, body: { turnId: 'try-1', answer: 'five' } });
    const { body } = await getJson('/api/courses/tiny/state', learner.cookie);
    expect(body.lessons.map((lesson: { id: string; started: boolean }) => [lesson.id, lesson.started])).toEqual([['adding', false], ['multiplying', true]]);
    expect(body.skills.find((skill: { id: string }) => skill.id === 'multiply')).toMatchObject({ status: 'in-progress', opportunities: 0 }); // "five" is not a choice: no evidence yet
  });

  it('says when practice counts again once every exercise left was solved, after mistakes, today', async () => {
    const learner = await kit.signIn('learner');
    const answer = (exercise: string, turnId: string, text: string) => kit.request(`/api/courses/tiny/exercises/${exercise}/attempts`, { cookie: learner.cookie, body: { turnId, answer: text } });
    // only the lesson page's exercise cards, never the tutor: answering starts the lessons too
    for (const [exercise, wrong, right] of [['add-1', '8', '7'], ['mul-choice', 'a', 'b'], ['mul-word', 'sum', 'product']] as const) {
      await answer(exercise, `${exercise}-wrong`, wrong);
      await answer(exercise, `${exercise}-right`, right);
    }
    const { body } = await getJson('/api/courses/tiny/state', learner.cookie);
    expect(body.skills.some((skill: { mastered: boolean }) => skill.mastered)).toBe(false);
    expect(body.next).toBeNull();
    const resumes = Date.parse(body.practiceResumes);
    expect(resumes - kit.context.clock.now().getTime()).toBeGreaterThan(19 * 3_600_000); // about a day after the first of them was solved
  });
});

describe('the chat history', () => {
  it('comes a page of whole turns at a time, newest first, with a way back to the beginning', async () => {
    const learner = await kit.signIn('learner');
    const turn = (index: number) => `t${String(index).padStart(3, '0')}`;
    const at = (index: number, second: number) => new Date(Date.UTC(2026, 2, 1, 8, 0, 0) + index * 60_000 + second * 1000);
    await kit.store.db
      .insertInto('messages')
      .values(Array.from({ length: 120 }, (_, index) => [
        { turn: turn(index), learner: learner.id, course: 'tiny', role: 'learner' as const, text: `question ${index}`, created_at: at(index, 0) },
        { turn: turn(index), learner: learner.id, course: 'tiny', role: 'tutor' as const, text: `answer ${index}`, created_at: at(index, 5) },
      ]).flat())
      .execute();
    type Page = { messages: { id: string; role: string; text: string }[]; earlier: boolean };
    const page = async (before?: string) => (await kit.request(`/api/courses/tiny/messages${before ? `?before=${before}` : ''}`, { cookie: learner.cookie })).json() as Promise<Page>;

    const newest = await page();
    expect(newest.messages).toHaveLength(100); // 50 turns, each a question and its answer
    expect(newest.messages.slice(0, 2).map((message) => message.text)).toEqual(['question 70', 'answer 70']);
    expect(newest.messages.at(-1)!.text).toBe('answer 119');
    expect(newest.earlier).toBe(true);
    const middle = await page(newest.messages[0]!.id);
    expect([middle.messages[0]!.text, middle.messages.at(-1)!.text, middle.earlier]).toEqual(['question 20', 'answer 69', true]);
    const oldest = await page(middle.messages[0]!.id);
    expect([oldest.messages.length, oldest.messages[0]!.text, oldest.earlier]).toEqual([40, 'question 0', false]);
    const unknown = await kit.request('/api/courses/tiny/messages?before=nope', { cookie: learner.cookie });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error).toBe('there is no turn "nope" in your conversation in this course');
  });
});
