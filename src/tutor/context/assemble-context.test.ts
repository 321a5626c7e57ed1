import { describe, expect, it } from 'vitest';
import { asCourseFiles, tinyCourse } from '../../course/__fixtures__/tiny-course.js';
import { compileCourse, type CourseBundle } from '../../course/index.js';
import { policyV1 } from '../prompts/policy-v1.js';
import { assembleContext, type Turn, type TutorContextInput } from './assemble-context.js';
import { asModelSees } from './conversation-window.js';
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

/** A conversation of `length` messages: a question, an opened exercise and an answer, then the tutor's replies. */
function conversation(length: number): Turn[] {
  return Array.from({ length }, (_, i): Turn => {
    if (i % 2) return { role: 'tutor', text: `Reply ${i}: think about the tens column [long#carrying]. ${'More words. '.repeat(10)}` };
    if (i === 2) return { role: 'learner', text: '/exercise add-small' };
    if (i === 4) return { role: 'learner', text: '/answer 12' };
    return { role: 'learner', text: `Question ${i} about carrying?` };
  });
}

describe('assembleContext', () => {
  it('retrieves the matching section of the course, with its id to cite', () => {
    const context = assembleContext(input());
    expect(context.citations[0]).toBe('long#carrying');
    expect(context.messages.at(-1)!.content).toContain('[long#carrying] Carrying');
    expect(context.messages.at(-1)!.content.startsWith('How do I carry')).toBe(true);
  });

  it('keeps the stable prefix byte-identical across turns of a lesson, and puts it first', () => {
    const first = assembleContext(input());
    const second = assembleContext(input({ message: 'And what about zero?', turns: [{ role: 'learner', text: 'How do I carry?' }, { role: 'tutor', text: 'What is 7 + 5?' }] }));
    expect(second.system).toBe(first.system);
    expect(first.system.startsWith(policyV1.text)).toBe(true);
    expect(first.system).toContain('Current lesson: Long (long)');
  });

  it('includes the learner: language and background with the frame, mastery and memory with the message', () => {
    const context = assembleContext(input());
    const last = context.messages.at(-1)!.content;
    expect(context.system).toContain('reply in language "es"');
    expect(context.system).toContain('I am a carpenter');
    expect(last).toContain('Adding 40% (learning)');
    expect(last).toContain('Prefers short answers.');
  });

  it('stays within the token budget by dropping the oldest recent turns first', () => {
    const turns = Array.from({ length: 17 }, (_, i) => ({ role: i % 2 ? ('tutor' as const) : ('learner' as const), text: `Turn ${i}: ${'words '.repeat(80)}` }));
    const context = assembleContext(input({ turns, budgetTokens: 1500 }));
    expect(context.tokens.total).toBeLessThanOrEqual(1500);
    expect(assembleContext(input({ turns })).tokens.total).toBeGreaterThan(1500);
    expect(context.messages.at(-2)!.content).toContain('Turn 16');
    expect(context.messages.some((m) => m.content.includes('Turn 8:'))).toBe(false);
  });

  it('folds older turns into a summary and keeps recent ones verbatim', () => {
    const turns = conversation(20);
    const context = assembleContext(input({ turns }));
    expect(context.system).toContain('Earlier in this conversation (12 messages, summarised)');
    expect(context.system).toContain('"Question 8 about carrying?"');
    expect(context.system).toContain('Opened: exercise add-small');
    expect(context.system).toContain('You cited (as [lesson#section]): long: carrying.');
    expect(context.messages.map((m) => m.content).join('\n')).not.toContain('Question 8 ');
    expect(context.messages[0]!.content.startsWith('Question 12 about carrying?')).toBe(true);
  });

  it('grows append-only: each prompt begins with the previous one up to its message, except when the summary moves', () => {
    const prompts = Array.from({ length: 14 }, (_, i) => {
      const message = asModelSees(conversation(2 * i + 1)[2 * i]!).text;
      const context = assembleContext(input({ turns: conversation(2 * i), message }));
      return { text: [context.system, ...context.messages.map((m) => `${m.role}: ${m.content}`)].join('\n'), message, context };
    });
    let moves = 0;
    for (let i = 1; i < prompts.length; i++) {
      const previous = prompts[i - 1]!.text;
      const shared = previous.slice(0, previous.lastIndexOf('user: ') + 'user: '.length + prompts[i - 1]!.message.length);
      if (prompts[i]!.text.startsWith(shared)) continue;
      moves++;
      expect(prompts[i]!.context.system).not.toBe(prompts[i - 1]!.context.system);
    }
    expect(moves).toBe(2); // at 14 and 24 messages
  });

  it('attaches the most relevant section to the question that asked for it, once, and keeps it there', () => {
    const first = assembleContext(input({ message: 'How do I carry the tens?' }));
    expect(first.citations).toEqual(['long#carrying']);
    const second = assembleContext(input({ turns: [{ role: 'learner', text: 'How do I carry the tens?' }, { role: 'tutor', text: 'What is 7 + 5?' }], message: 'And when do I carry the tens again?' }));
    expect(second.messages[0]!.content).toBe(first.messages.at(-1)!.content.split('\n\n<context>')[0]);
    expect(second.messages.at(-1)!.content).not.toContain('[long#carrying]');
  });

  it('gives an answer the course text for the open exercise', () => {
    const context = assembleContext(input({ exercise: { id: 'carry-1', prompt: 'Carry the tens: what is 27 + 15?' }, message: 'My answer: 41\n(The checker says: incorrect.)' }));
    expect(context.citations).toContain('long#carrying');
  });

  it('says when the course has nothing on the question', () => {
    const context = assembleContext(input({ message: 'qwxz plorb?' }));
    expect(context.citations).toEqual([]);
    expect(context.messages.at(-1)!.content).toContain('No course text matches');
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

describe('assembleContext with only the latest messages', () => {
  it('gives the same prompt as with the whole conversation when told how many came before', () => {
    const whole = assembleContext(input({ turns: conversation(60) }));
    const latest = assembleContext(input({ turns: conversation(60).slice(20), earlierMessages: 20 }));
    expect(latest.system).toBe(whole.system);
    expect(latest.messages).toEqual(whole.messages);
    expect(whole.system).toContain('34 before them not shown');
  });
});
