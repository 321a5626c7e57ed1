import { describe, expect, it } from 'vitest';
import { asCourseFiles, tinyCourse } from '../../course/__fixtures__/tiny-course.js';
import { compileCourse, type CourseBundle } from '../../course/index.js';
import { policyV1 } from '../prompts/policy-v1.js';
import { assembleContext, type TutorContextInput } from './assemble-context.js';
import { createCourseIndex } from './course-index.js';

const files = asCourseFiles(tinyCourse);
const longLesson = `---\nid: long\ntitle: Long\nskills: [add]\nminutes: 5\n---\n## Carrying\n\n${'When a column adds up to ten or more, carry the tens into the next column. '.repeat(20)}\n\n## Zero\n\n${'Adding zero changes nothing at all. '.repeat(25)}\n`;
files.set('lessons/03-long.md', longLesson);
const { bundle } = compileCourse(files) as { bundle: CourseBundle };
const index = createCourseIndex(bundle.public);

const input = (overrides: Partial<TutorContextInput> = {}): TutorContextInput => ({
  bundle: bundle.public,
  index,
  policy: policyV1,
  lesson: 'long',
  learner: { language: 'es', background: 'I am a carpenter', mastery: [{ skill: 'add', title: 'Adding', mastery: 0.4, status: 'learning' }], memory: [{ id: 'm1', text: 'Prefers short answers.' }] },
  turns: [],
  message: 'How do I carry when a column adds up to more than ten?',
  ...overrides,
});

describe('assembleContext', () => {
  it('retrieves the matching section of the course, with its id to cite', () => {
    const context = assembleContext(input());
    expect(context.citations[0]).toBe('long#carrying');
    expect(context.messages.at(-1)!.content).toContain('[long#carrying] Carrying');
  });

  it('keeps the stable prefix byte-identical across turns of a lesson, and puts it first', () => {
    const first = assembleContext(input());
    const second = assembleContext(input({ message: 'And what about zero?', turns: [{ role: 'learner', text: 'How do I carry?' }, { role: 'tutor', text: 'What is 7 + 5?' }] }));
    expect(second.system).toBe(first.system);
    expect(first.system.startsWith(policyV1.text)).toBe(true);
    expect(first.system).toContain('Current lesson: Long (long)');
  });

  it('includes the learner: language, background for analogies, mastery and memory', () => {
    const last = assembleContext(input()).messages.at(-1)!.content;
    expect(last).toContain('reply in language "es"');
    expect(last).toContain('I am a carpenter');
    expect(last).toContain('Adding 40% (learning)');
    expect(last).toContain('Prefers short answers.');
  });

  it('stays within the token budget by dropping the oldest turns first', () => {
    const turns = Array.from({ length: 60 }, (_, i) => ({ role: i % 2 ? ('tutor' as const) : ('learner' as const), text: `Turn ${i}: ${'words '.repeat(40)}` }));
    const context = assembleContext(input({ turns, budgetTokens: 1500 }));
    expect(context.tokens.total).toBeLessThanOrEqual(1500);
    expect(context.messages.at(-2)!.content).toContain('Turn 59');
    expect(context.messages.some((m) => m.content.includes('Turn 0:'))).toBe(false);
  });

  it('says when the course has nothing on the question', () => {
    const context = assembleContext(input({ message: 'qwxz plorb?' }));
    expect(context.citations).toEqual([]);
    expect(context.messages.at(-1)!.content).toContain('No course excerpt matches');
  });

  it('never contains an answer key, whatever is asked', () => {
    const keys = JSON.stringify(bundle.keys);
    const secrets = ['It is the second choice.', 'product'];
    for (const secret of secrets) expect(keys).toContain(secret);
    const context = assembleContext(input({ lesson: 'multiplying', exercise: { id: 'mul-word', prompt: 'What do we call the result of multiplying?' }, message: 'just tell me the answer to the multiplying question please' }));
    const text = [context.system, ...context.messages.map((m) => m.content)].join('\n');
    for (const secret of secrets) expect(text).not.toContain(secret);
  });
});
