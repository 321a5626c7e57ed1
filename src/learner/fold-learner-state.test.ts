import { describe, expect, it } from 'vitest';
import type { EventPayload, EventType, LearnerEvent } from './events.js';
import { foldLearnerState } from './fold-learner-state.js';
import { emptyLearnerState } from './learner-state.js';
import { syntheticCourse } from './synthetic-course.js';

const course = syntheticCourse({ skills: [{ id: 'fractions', title: 'Fractions' }, { id: 'ratios', title: 'Ratios', prerequisites: ['fractions'] }] });
const params = { fractions: { prior: 0.3, learn: 0.2, guess: 0.2, slip: 0.1, forget: 0 }, ratios: { prior: 0.2, learn: 0.2, guess: 0.2, slip: 0.1, forget: 0 } };

let counter = 0;
function event<T extends EventType>(type: T, payload: EventPayload<T>, time = '2026-03-01T10:00:00.000Z'): LearnerEvent {
  return { id: `e${++counter}`, learner: 'ana', course: 'tiny', courseVersion: 'test', time, type, payload } as LearnerEvent;
}
const attempt = (exercise: string, verdict: EventPayload<'attempt'>['verdict'], extra: Partial<EventPayload<'attempt'>> = {}, time?: string) =>
  event('attempt', { exercise, skills: [exercise.replace(/-\d+$/, '')], answer: '1', verdict, hintsUsed: 0, revealed: false, ...extra }, time);

describe('foldLearnerState', () => {
  it('tracks mastery per skill and attempts per exercise', () => {
    const state = foldLearnerState(emptyLearnerState(), [attempt('fractions-1', 'incorrect'), attempt('fractions-1', 'correct')], course, { params });
    expect(state.exercises['fractions-1']).toMatchObject({ attempts: 2, solved: true, lastVerdict: 'correct' });
    expect(state.skills.fractions!.opportunities).toBe(2);
    expect(state.skills.fractions!.mastery).toBeGreaterThan(0.3);
    expect(state.skills.ratios).toBeUndefined();
  });

  it('does not count an answer that could not be read as an attempt, nor as evidence', () => {
    const state = foldLearnerState(emptyLearnerState(), [attempt('fractions-1', 'unparseable'), attempt('fractions-1', 'unparseable')], course, { params });
    expect(state.exercises['fractions-1']).toMatchObject({ attempts: 0, solved: false, lastVerdict: 'unparseable' });
    expect(state.skills.fractions?.opportunities ?? 0).toBe(0);
  });

  it('gives no mastery credit for an answer after a revealing hint', () => {
    const honest = foldLearnerState(emptyLearnerState(), [attempt('fractions-1', 'correct')], course, { params });
    const revealed = foldLearnerState(emptyLearnerState(), [event('hint', { exercise: 'fractions-1', rung: 2, reveals: true }), attempt('fractions-1', 'correct', { hintsUsed: 2, revealed: true })], course, { params });
    expect(revealed.skills.fractions!.mastery).toBeLessThan(0.3);
    expect(revealed.skills.fractions!.mastery).toBeLessThan(honest.skills.fractions!.mastery);
    expect(revealed.exercises['fractions-1']).toMatchObject({ solved: false, revealed: true, hintsSeen: 2 });
  });

  it('gives no credit for answering a solved exercise right again the same day; a wrong answer counts, and the next day it counts again', () => {
    const fold = (events: LearnerEvent[]) => foldLearnerState(emptyLearnerState(), events, course, { params });
    const once = fold([attempt('fractions-1', 'correct', {}, '2026-03-01T10:00:00.000Z')]);
    const farmed = fold(['10:00', '10:01', '10:02', '18:00'].map((at) => attempt('fractions-1', 'correct', {}, `2026-03-01T${at}:00.000Z`)));
    expect(farmed.skills.fractions).toMatchObject({ mastery: once.skills.fractions!.mastery, opportunities: 1, mastered: false });
    expect(farmed.exercises['fractions-1']).toMatchObject({ attempts: 4, solved: true, solvedAt: '2026-03-01T10:00:00.000Z' });
    const slipped = fold([attempt('fractions-1', 'correct', {}, '2026-03-01T10:00:00.000Z'), attempt('fractions-1', 'incorrect', {}, '2026-03-01T10:05:00.000Z')]);
    expect(slipped.skills.fractions!.mastery).toBeLessThan(once.skills.fractions!.mastery);
    const nextDay = fold([attempt('fractions-1', 'correct', {}, '2026-03-01T10:00:00.000Z'), attempt('fractions-1', 'correct', {}, '2026-03-02T08:00:00.000Z')]);
    expect(nextDay.skills.fractions!.opportunities).toBe(2); // 22 hours later: retrieval, not the answer still in mind
    expect(nextDay.skills.fractions!.mastery).toBeGreaterThan(once.skills.fractions!.mastery);
    const anHourApart = [attempt('fractions-1', 'correct', {}, '2026-03-01T10:00:00.000Z'), attempt('fractions-1', 'correct', {}, '2026-03-01T11:00:00.000Z')];
    expect(foldLearnerState(emptyLearnerState(), anHourApart, course, { params, repeatGapHours: 0.5 }).skills.fractions!.opportunities).toBe(2); // the gap is an option
  });

  it('moves a template exercise on to new numbers after each right answer, so answering it right again counts', () => {
    const fold = (events: LearnerEvent[]) => foldLearnerState(emptyLearnerState(), events, course, { params });
    const state = fold([
      event('hint', { exercise: 'fractions-1', rung: 1, reveals: false }),
      attempt('fractions-1', 'correct', { seed: 11, hintsUsed: 1 }, '2026-03-01T10:00:00.000Z'),
      attempt('fractions-1', 'correct', { seed: 12 }, '2026-03-01T10:01:00.000Z'),
    ]);
    expect(state.exercises['fractions-1']).toMatchObject({ variant: 2, hintsSeen: 0, solved: true });
    expect(state.skills.fractions!.opportunities).toBe(2);
  });

  it('starts a lesson when it is taught, or when the learner answers or asks for a hint on one of its exercises', () => {
    const state = foldLearnerState(emptyLearnerState(), [event('hint', { exercise: 'ratios-2', rung: 1, reveals: false }), attempt('fractions-1', 'incorrect'), event('activity', { kind: 'teach', lesson: 'ratios-lesson', reason: 'test' })], course, { params });
    expect(state.lessonsStarted).toEqual(['ratios-lesson', 'fractions-lesson']);
  });

  it('folding a snapshot and then the tail equals folding everything, through JSON', () => {
    const events = [
      event('activity', { kind: 'teach', lesson: 'fractions-lesson', reason: 'start' }),
      ...['correct', 'correct', 'incorrect', 'correct', 'correct', 'correct', 'correct'].map((verdict, i) => attempt(`fractions-${(i % 3) + 1}`, verdict as 'correct', {}, `2026-03-01T10:0${i}:00.000Z`)),
      event('profile', { language: 'sv', tags: ['nurse'] }),
      event('memory', { action: 'add', item: 'm1', text: 'Likes cooking analogies', evidence: ['e1'] }),
      event('review', { skill: 'fractions', passed: false }, '2026-03-09T10:00:00.000Z'),
      event('memory', { action: 'correct', item: 'm1', text: 'Likes baking analogies' }),
    ];
    const whole = foldLearnerState(emptyLearnerState(), events, course, { params });
    for (const cut of [0, 3, 8, events.length]) {
      const snapshot = JSON.parse(JSON.stringify(foldLearnerState(emptyLearnerState(), events.slice(0, cut), course, { params })));
      expect(foldLearnerState(snapshot, events.slice(cut), course, { params })).toEqual(whole);
    }
    expect(JSON.parse(JSON.stringify(whole))).toEqual(whole);
  });

  it('schedules a review at mastery; a failed review lowers mastery and brings the skill back sooner', () => {
    const practice = Array.from({ length: 8 }, (_, i) => attempt(`fractions-${(i % 3) + 1}`, 'correct', {}, `2026-03-01T10:0${i}:00.000Z`));
    const mastered = foldLearnerState(emptyLearnerState(), practice, course, { params });
    const skill = mastered.skills.fractions!;
    expect(skill.mastered).toBe(true);
    expect(Date.parse(skill.review!.due)).toBeGreaterThan(Date.parse('2026-03-02T00:00:00Z'));

    const reviewTime = skill.review!.due;
    const passed = foldLearnerState(mastered, [event('review', { skill: 'fractions', passed: true }, reviewTime)], course, { params }).skills.fractions!;
    const failed = foldLearnerState(mastered, [event('review', { skill: 'fractions', passed: false }, reviewTime)], course, { params }).skills.fractions!;
    expect(failed.mastery).toBeLessThan(skill.mastery);
    expect(failed.mastered).toBe(false);
    expect(failed.review!.lapses).toBe(1);
    expect(Date.parse(failed.review!.due)).toBeLessThan(Date.parse(passed.review!.due));
    expect(Date.parse(passed.review!.due)).toBeGreaterThan(Date.parse(reviewTime));
  });

  it('folds profile changes and lets the learner correct and delete memory items', () => {
    const state = foldLearnerState(
      emptyLearnerState(),
      [
        event('profile', { language: 'pt-BR', background: 'carpenter', tags: ['woodwork'], pace: 'slow' }),
        event('profile', { goals: 'pass the exam', tags: ['woodwork', 'geometry'] }),
        event('memory', { action: 'add', item: 'm1', text: 'Confuses numerator and denominator', evidence: ['e7', 'e9'] }),
        event('memory', { action: 'add', item: 'm2', text: 'Prefers short answers', evidence: [] }),
        event('memory', { action: 'correct', item: 'm1', text: 'Sometimes swaps numerator and denominator' }),
        event('memory', { action: 'delete', item: 'm2' }),
      ],
      course,
    );
    expect(state.profile).toEqual({ language: 'pt-BR', background: 'carpenter', tags: ['woodwork', 'geometry'], goals: 'pass the exam', pace: 'slow' });
    expect(state.memory).toHaveLength(1);
    expect(state.memory[0]).toMatchObject({ id: 'm1', text: 'Sometimes swaps numerator and denominator', evidence: ['e7', 'e9'] });
  });

  it('does not modify the state it is given', () => {
    const before = emptyLearnerState();
    foldLearnerState(before, [attempt('fractions-1', 'correct')], course);
    expect(before).toEqual(emptyLearnerState());
  });

  it('gives the same state whether the store hands times in as ISO strings or Dates, and tolerates payloads without defaults', () => {
    const events = [attempt('fractions-1', 'correct', {}, '2026-03-01T10:00:00.000Z'), attempt('fractions-2', 'correct', {}, '2026-03-01T10:01:00.000Z')];
    const asDates = events.map((e) => ({ ...e, time: new Date(e.time) })) as unknown as LearnerEvent[];
    expect(foldLearnerState(emptyLearnerState(), asDates, course, { params })).toEqual(foldLearnerState(emptyLearnerState(), events, course, { params }));
    const bare = { ...events[0]!, payload: { exercise: 'fractions-1', skills: ['fractions'], answer: '1', verdict: 'correct' } } as unknown as LearnerEvent;
    const state = foldLearnerState(emptyLearnerState(), [bare], course, { params });
    expect(state.exercises['fractions-1']).toMatchObject({ attempts: 1, solved: true, hintsSeen: 0, revealed: false });
    expect(state.skills.fractions!.mastery).toBeGreaterThan(0.3);
  });
});
