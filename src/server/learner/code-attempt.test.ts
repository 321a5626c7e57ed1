import { afterAll, describe, expect, it } from 'vitest';
import { asCourseFiles, tinyCourse } from '../../course/__fixtures__/tiny-course.js';
import { compileCourse, type CourseBundle } from '../../course/index.js';
import { createServerTestKit } from '../testing/server-test-kit.js';
import { readTurnStream } from './read-turn-stream.js';

// The tiny course with one JavaScript exercise, as course `codey`.
const codeExercise = `lesson: adding
exercises:
  - id: js-double
    type: code
    language: javascript
    skills: [add]
    hints: [Adding a number to itself doubles it.]
    prompt: Write double(x).
    starter: "function double(x) {\\n}"
    solution: "function double(x) { return x + x }"
    tests:
      - name: doubles 3
        code: "if (double(3) !== 6) throw new Error('no')"
        message: double(3) should be 6.
      - name: doubles 0
        code: "if (double(0) !== 0) throw new Error('no')"
        message: double(0) should be 0.
`;
const files = { ...tinyCourse, 'course.yaml': tinyCourse['course.yaml']!.replace('id: tiny', 'id: codey'), 'exercises/code.yaml': codeExercise };
const compiled = compileCourse(asCourseFiles(files));
const kit = await createServerTestKit({ courses: [compiled.bundle as CourseBundle] });
afterAll(() => kit.close());

describe('code exercises over HTTP', () => {
  it('shows the starter and test names, and gives per-test results for an attempt', async () => {
    expect(compiled.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
    const learner = await kit.signIn('learner');
    const exercise = await (await kit.request('/api/courses/codey/exercises/js-double', { cookie: learner.cookie })).json();
    expect(exercise).toMatchObject({ type: 'code', language: 'javascript', starter: 'function double(x) {\n}', tests: [{ name: 'doubles 3' }, { name: 'doubles 0' }] });
    expect(JSON.stringify(exercise)).not.toContain('x + x');
    const attempt = await (await kit.request('/api/courses/codey/exercises/js-double/attempts', { cookie: learner.cookie, body: { turnId: 'c1', answer: 'function double(x) { return x + 1 }' } })).json();
    expect(attempt.verdict.verdict).toBe('incorrect');
    expect(attempt.verdict.tests).toEqual([expect.objectContaining({ name: 'doubles 3', passed: false }), expect.objectContaining({ name: 'doubles 0', passed: false })]);
    const streamed = await readTurnStream(
      await kit.request('/api/courses/codey/turns', { cookie: learner.cookie, body: { turnId: 'c2', text: '/answer …', action: { type: 'answer', exercise: 'js-double', answer: 'function double(x) { return 2 * x }' } } }),
    );
    const verdict = streamed.message?.parts.find((part) => part.type === 'data-verdict');
    expect(verdict).toMatchObject({ data: { exercise: 'js-double', verdict: 'correct', tests: [{ name: 'doubles 3', passed: true }, { name: 'doubles 0', passed: true }] } });
  });

  it('keeps the start of a long printout for the chat after a reload, having shown it whole', async () => {
    const learner = await kit.signIn('learner');
    const chatty = "function double(x) { console.log('x'.repeat(10000)); return x }";
    const streamed = await readTurnStream(await kit.request('/api/courses/codey/turns', { cookie: learner.cookie, body: { turnId: 'p1', text: '/answer …', action: { type: 'answer', exercise: 'js-double', answer: chatty } } }));
    const live = streamed.message?.parts.find((part) => part.type === 'data-verdict');
    expect(live?.type === 'data-verdict' && live.data.output?.length).toBeGreaterThanOrEqual(10_000);
    const messages = (await (await kit.request('/api/courses/codey/messages', { cookie: learner.cookie })).json()).messages as { id: string; role: string; parts?: { type: string; data: { output?: string } }[] }[];
    const kept = messages.find((message) => message.id === 'p1' && message.role === 'tutor')?.parts?.find((part) => part.type === 'data-verdict')?.data.output;
    expect(kept).toMatch(/^x{4000}\n…$/);
  });
});
