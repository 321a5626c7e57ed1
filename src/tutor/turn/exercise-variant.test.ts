// A template exercise moves on to new numbers after each right answer, so practising it again is
// real practice: the tutor shows and checks the next variant, and answering it right counts.
import { describe, expect, it } from 'vitest';
import { compileCourse } from '../../course/index.js';
import { createRouter, modelConfigSchema } from '../../models/index.js';
import { readCourseFolder } from '../../server/index.js';
import { createTutor } from './create-tutor.js';
import { createMemoryJournal } from './memory-journal.js';
import { fixedClock, seededRandom } from './tutor-test-kit.js';
import type { TurnAction, TutorStreamPart } from './turn-types.js';

const compiled = compileCourse(await readCourseFolder(new URL('../../../courses/backprop', import.meta.url).pathname));
if (!compiled.bundle) throw new Error('courses/backprop does not compile');
const bundle = compiled.bundle;

describe('template exercises', () => {
  it('show new numbers after a right answer, and answering the new ones right counts again', async () => {
    const clock = fixedClock();
    const tutor = createTutor({ course: bundle, router: createRouter({ config: modelConfigSchema.parse({}) }), journal: createMemoryJournal(bundle.public, clock), clock, random: seededRandom() });
    let turn = 0;
    const send = async (text: string, action: TurnAction) => {
      const parts: TutorStreamPart[] = [];
      await tutor.turn({ turnId: `t${++turn}`, learner: 'ana', text, action }, (part) => parts.push(part));
      return parts;
    };
    // "For f(x) = x², what is the average rate of change of f between x = a and x = b?": a + b.
    const open = async () => {
      const shown = (await send('/exercise secant-slope-template', { type: 'exercise', exercise: 'secant-slope-template' })).find((part) => part.type === 'exercise');
      const [a, b] = [...(shown?.type === 'exercise' ? shown.prompt : '').matchAll(/x = (\d+)/g)].map((match) => Number(match[1]));
      return { a: a!, b: b! };
    };
    const answer = async (value: number) => {
      const parts = await send(`/answer ${value}`, { type: 'answer', answer: String(value), exercise: 'secant-slope-template' });
      const verdict = parts.find((part) => part.type === 'verdict');
      const mastery = parts.flatMap((part) => (part.type === 'progress' ? part.skills.filter((skill) => skill.skill === 'derivative-definition').map((skill) => skill.mastery) : []))[0];
      return { verdict: verdict?.type === 'verdict' ? verdict : undefined, mastery: mastery! };
    };

    const first = await open();
    const solved = await answer(first.a + first.b);
    expect(solved.verdict?.verdict).toBe('correct');
    const second = await open();
    expect(second).not.toEqual(first);
    const again = await answer(second.a + second.b);
    expect(again.verdict).toMatchObject({ verdict: 'correct' });
    expect(again.verdict?.message).toBeUndefined(); // not "you solved this one before"
    expect(again.mastery).toBeGreaterThan(solved.mastery);
  });
});
