import { describe, expect, it } from 'vitest';
import { chooseNextActivity, skillsOutOfExercises } from './choose-next-activity.js';
import type { EventPayload, EventType, LearnerEvent } from './events.js';
import { foldLearnerState } from './fold-learner-state.js';
import { emptyLearnerState, type LearnerState } from './learner-state.js';
import { syntheticCourse } from './synthetic-course.js';

const course = syntheticCourse({
  skills: [
    { id: 'fractions', title: 'Fractions' },
    { id: 'ratios', title: 'Ratios', prerequisites: ['fractions'] },
    { id: 'chain-rule', title: 'The chain rule' },
  ],
});
const now = new Date('2026-03-01T12:00:00Z');
let counter = 0;
function event<T extends EventType>(type: T, payload: EventPayload<T>, time = '2026-03-01T10:00:00.000Z'): LearnerEvent {
  return { id: `e${++counter}`, learner: 'ana', course: 'tiny', courseVersion: 'test', time, type, payload } as LearnerEvent;
}
const teach = (lesson: string) => event('activity', { kind: 'teach', lesson, reason: 'test' });
const answer = (exercise: string, correct: boolean, time?: string) =>
  event('attempt', { exercise, skills: [exercise.replace(/-\d+$/, '')], answer: 'x', verdict: correct ? 'correct' : 'incorrect', hintsUsed: 0, revealed: false }, time);
const fold = (events: LearnerEvent[], from: LearnerState = emptyLearnerState()) => foldLearnerState(from, events, course);
const masterChainRule = [teach('chain-rule-lesson'), ...Array.from({ length: 10 }, (_, i) => answer(`chain-rule-${(i % 3) + 1}`, true, `2026-03-01T10:${10 + i}:00.000Z`))];

describe('chooseNextActivity', () => {
  it('starts with the first lesson whose prerequisites are met', () => {
    const next = chooseNextActivity(emptyLearnerState(), course, { now, seed: 1 });
    expect(next).toMatchObject({ kind: 'teach', lesson: 'fractions-lesson' });
    expect(next.reason).toBe("Let's start with Lesson on Fractions.");
  });

  it('practises a taught skill until it is mastered, and never teaches a lesson whose prerequisites are not mastered', () => {
    const state = fold([teach('fractions-lesson'), answer('fractions-1', true)]);
    const next = chooseNextActivity(state, course, { now, seed: 1 });
    expect(next).toMatchObject({ kind: 'practise', skill: 'fractions' });
    expect(next.exercise).toMatch(/^fractions-[23]$/); // not the one already solved
    expect(next.reason).toMatch(/^Let's practise Fractions — at \d+% it's the skill you're least sure of right now\.$/);
  });

  it('asks for a first exercise on a skill that was taught but never answered on, without quoting the prior as its mastery', () => {
    const next = chooseNextActivity(fold([teach('fractions-lesson')]), course, { now, seed: 1 });
    expect(next).toMatchObject({ kind: 'practise', skill: 'fractions', why: { code: 'first-practice', skill: 'fractions' } });
    expect(next.reason).toBe("Let's try an exercise on Fractions: you have read about it, now it's your turn.");
  });

  it('picks the weakest of the skills in progress', () => {
    const state = fold([teach('fractions-lesson'), teach('chain-rule-lesson'), answer('fractions-1', true), answer('chain-rule-1', false)]);
    expect(chooseNextActivity(state, course, { now, seed: 1 })).toMatchObject({ kind: 'practise', skill: 'chain-rule' });
  });

  it('moves on to the next lesson once its prerequisites are mastered', () => {
    const state = fold([teach('fractions-lesson'), ...Array.from({ length: 10 }, (_, i) => answer(`fractions-${(i % 3) + 1}`, true))]);
    expect(state.skills.fractions!.mastered).toBe(true);
    const next = chooseNextActivity(state, course, { now, seed: 1 });
    expect(next).toMatchObject({ kind: 'teach', lesson: 'ratios-lesson' });
    expect(next.reason).toBe("Next up: Lesson on Ratios — you've mastered what it builds on.");
  });

  it('puts an overdue review before everything else, and says why', () => {
    const state = fold([...masterChainRule, teach('fractions-lesson'), answer('fractions-1', false)]);
    const due = new Date(state.skills['chain-rule']!.review!.due);
    expect(chooseNextActivity(state, course, { now: new Date(due.getTime() - 3_600_000), seed: 1 }).kind).toBe('practise');
    const review = chooseNextActivity(state, course, { now: due, seed: 1 });
    expect(review).toMatchObject({ kind: 'review', skill: 'chain-rule' });
    expect(review.reason).toBe("We'll review The chain rule first — it's due today.");
    const later = chooseNextActivity(state, course, { now: new Date(due.getTime() + 3 * 86_400_000), seed: 1 });
    expect(later.reason).toBe("We'll review The chain rule first — it was due 3 days ago.");
  });

  it('remediates a weak prerequisite when a skill keeps failing, and returns once the prerequisite holds', () => {
    // Fractions was practised but never mastered; the learner went on to ratios anyway.
    const base = [teach('fractions-lesson'), answer('fractions-1', true), answer('fractions-2', true), teach('ratios-lesson')];
    const failing = fold([...base, answer('ratios-1', false), answer('ratios-2', false), answer('ratios-3', false)]);
    expect(failing.skills.fractions!.mastered).toBe(false);
    const next = chooseNextActivity(failing, course, { now, seed: 1 });
    expect(next).toMatchObject({ kind: 'remediate', skill: 'fractions' });
    expect(next.reason).toBe("Ratios keeps going wrong, so let's strengthen Fractions, which it builds on.");
    const remediated = fold([answer('fractions-3', true), answer('fractions-1', true, '2026-03-02T10:00:00.000Z')], failing); // fractions-1 again the next day: it counts
    expect(chooseNextActivity(remediated, course, { now, seed: 1 })).toMatchObject({ kind: 'practise', skill: 'ratios' });
    expect(remediated.skills.ratios!.failureStreak).toBe(0);
  });

  it('goes back over the lesson when a skill keeps failing although its prerequisites are solid', () => {
    const base = [teach('fractions-lesson'), ...Array.from({ length: 10 }, (_, i) => answer(`fractions-${(i % 3) + 1}`, true)), teach('ratios-lesson')];
    const failing = fold([...base, answer('ratios-1', false), answer('ratios-2', false), answer('ratios-3', false)]);
    const next = chooseNextActivity(failing, course, { now, seed: 1 });
    expect(next).toMatchObject({ kind: 'teach', lesson: 'ratios-lesson', skill: 'ratios' });
    expect(next.reason).toBe("Let's go back over Lesson on Ratios, since Ratios keeps going wrong.");
    const retaught = fold([event('activity', { kind: 'teach', lesson: 'ratios-lesson', skill: 'ratios', reason: next.reason })], failing);
    expect(chooseNextActivity(retaught, course, { now, seed: 1 })).toMatchObject({ kind: 'practise', skill: 'ratios' });
  });

  it('is deterministic for a state and seed', () => {
    const state = fold([teach('fractions-lesson')]);
    const choices = new Set(Array.from({ length: 5 }, () => chooseNextActivity(state, course, { now, seed: 7 }).exercise));
    expect(choices.size).toBe(1);
    const even = syntheticCourse({ skills: [{ id: 'fractions' }], exercisesPerSkill: 4, difficulty: 2 });
    const seeds = new Set(Array.from({ length: 20 }, (_, seed) => chooseNextActivity(state, even, { now, seed }).exercise));
    expect(seeds.size).toBeGreaterThan(1); // the seed breaks ties between equally good exercises
  });

  it('lets a skill rest when every exercise on it was solved today, and brings it back the next day', () => {
    // Three exercises on fractions, each solved after mistakes: not mastered, and nothing left that would tell more today.
    const at = (minute: number) => `2026-03-01T10:${String(minute).padStart(2, '0')}:00.000Z`;
    const struggled = [teach('fractions-lesson'), ...['fractions-1', 'fractions-2', 'fractions-3'].flatMap((id, i) => [answer(id, false, at(i * 3)), answer(id, false, at(i * 3 + 1)), answer(id, true, at(i * 3 + 2))])];
    const state = fold(struggled);
    expect(state.skills.fractions!.mastered).toBe(false);
    expect(chooseNextActivity(state, course, { now, seed: 1 })).toMatchObject({ kind: 'teach', lesson: 'ratios-lesson', why: { code: 'next-lesson-practised' } }); // resting does not block the next lesson
    expect(chooseNextActivity(state, course, { now, seed: 1 }).reason).toBe('Next up: Lesson on Ratios — you have practised what it builds on.'); // practised, not mastered

    const fractionsOnly = syntheticCourse({ skills: [{ id: 'fractions', title: 'Fractions' }] });
    const alone = foldLearnerState(emptyLearnerState(), struggled, fractionsOnly);
    const today = chooseNextActivity(alone, fractionsOnly, { now, seed: 1 });
    expect(today).toMatchObject({ kind: 'finished', why: { code: 'finished', practiceResumes: '2026-03-02T06:02:00.000Z' } }); // 20 hours after the first of the three was solved
    expect(today.reason).toBe('You have answered every exercise on Fractions; answering them again counts from 2026-03-02 06:02 UTC.');
    const tomorrow = chooseNextActivity(alone, fractionsOnly, { now: new Date('2026-03-02T06:03:00Z'), seed: 1 });
    expect(tomorrow).toMatchObject({ kind: 'practise', skill: 'fractions', exercise: 'fractions-1' }); // the one that counts again
  });

  it("names the skills a learner ran out of exercises on: every one solved, not mastered, none a template", () => {
    const struggled = [teach('fractions-lesson'), ...['fractions-1', 'fractions-2', 'fractions-3'].flatMap((id) => [answer(id, false), answer(id, false), answer(id, true)])];
    expect(skillsOutOfExercises(fold(struggled), course)).toEqual(['fractions']);
    const withTemplate = { ...course, exercises: course.exercises.map((exercise) => (exercise.id === 'fractions-3' && exercise.type === 'numeric' ? { ...exercise, template: { variables: ['a'] } } : exercise)) };
    expect(skillsOutOfExercises(fold(struggled), withTemplate)).toEqual([]); // a template always has new numbers
    expect(skillsOutOfExercises(fold([teach('fractions-lesson'), answer('fractions-1', true)]), course)).toEqual([]);
  });

  it('says the course is finished when every skill is mastered', () => {
    const all = ['fractions', 'ratios', 'chain-rule'].flatMap((skill) => [teach(`${skill}-lesson`), ...Array.from({ length: 10 }, (_, i) => answer(`${skill}-${(i % 3) + 1}`, true))]);
    const next = chooseNextActivity(fold(all), course, { now, seed: 1 });
    expect(next.kind).toBe('finished');
    expect(next.reason).toMatch(/^You've mastered every skill in this course; your next review is on 2026-03-0\d\.$/);
  });
});
