// A teacher publishes a new version of a course while learners are in it: each learner goes on
// with the new version, keeping what they solved and how well they know each skill.
import { afterAll, describe, expect, it } from 'vitest';
import { asCourseFiles, tinyCourse } from '../../course/__fixtures__/tiny-course.js';
import { compileCourse } from '../../course/index.js';
import { createServerTestKit } from '../testing/server-test-kit.js';

const kit = await createServerTestKit();
afterAll(() => kit.close());

type State = { skills: { id: string; mastery: number }[]; lessons: { id: string; exercisesSolved: number; started: boolean }[] };

describe('a new course version', () => {
  it('keeps the learner’s progress: solved exercises and mastery carry over, and the new text is served', async () => {
    const learner = await kit.signIn('learner');
    const solved = await (await kit.request('/api/courses/tiny/exercises/add-1/attempts', { cookie: learner.cookie, body: { turnId: 'v1', answer: '7' } })).json();
    expect(solved.verdict.verdict).toBe('correct');
    const before: State = solved.state;

    const edited = { ...tinyCourse, 'lessons/01-adding.md': tinyCourse['lessons/01-adding.md']!.replace('Two plus two', 'Two and two') };
    const next = compileCourse(asCourseFiles(edited)).bundle!;
    expect(next.public.hash).not.toBe(kit.course.public.hash);
    expect((await kit.context.catalog.publish(next, null)).isNew).toBe(true);

    const outline = await (await kit.request('/api/courses/tiny', { cookie: learner.cookie })).json();
    expect(outline.version).toBe(next.public.hash);
    const after: State = await (await kit.request('/api/courses/tiny/state', { cookie: learner.cookie })).json();
    expect(after.lessons.find((lesson) => lesson.id === 'adding')).toMatchObject({ exercisesSolved: 1, started: true });
    expect(after.skills.find((skill) => skill.id === 'add')!.mastery).toBeCloseTo(before.skills.find((skill) => skill.id === 'add')!.mastery, 10);
    const lesson = await (await kit.request('/api/courses/tiny/lessons/adding', { cookie: learner.cookie })).json();
    expect(JSON.stringify(lesson.blocks)).toContain('Two and two');
    // Solving it again on the new version is not a new first success.
    const again = await (await kit.request('/api/courses/tiny/exercises/add-1/attempts', { cookie: learner.cookie, body: { turnId: 'v2', answer: '7' } })).json();
    expect(again.state.lessons.find((lesson: { id: string }) => lesson.id === 'adding').exercisesSolved).toBe(1);
  });
});
