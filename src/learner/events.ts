// Everything a learner does is an event (DESIGN invariant 3). These schemas are the payloads
// of the append-only event log; learner state is a fold over them.
import { z } from 'zod';

export const verdictSchema = z.enum(['correct', 'partially-correct', 'incorrect', 'unparseable']);
export type Verdict = z.infer<typeof verdictSchema>;

/** An exercise, a hint or a verdict a tutor message showed (the tutor's stream parts of those types). */
const shownPartSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('exercise'), exercise: z.string(), prompt: z.string(), choices: z.array(z.strictObject({ id: z.string(), text: z.string() })).optional() }),
  z.strictObject({ type: z.literal('hint'), exercise: z.string(), rung: z.number().int(), text: z.string(), reveals: z.boolean() }),
  z.strictObject({
    type: z.literal('verdict'),
    exercise: z.string(),
    verdict: verdictSchema,
    feedback: z.string().optional(),
    message: z.string().optional(),
    misconception: z.string().optional(),
    tests: z.array(z.strictObject({ name: z.string(), passed: z.boolean(), message: z.string().optional() })).optional(),
    output: z.string().optional(),
  }),
]);
export type ShownPart = z.infer<typeof shownPartSchema>;

export const activityKindSchema = z.enum(['teach', 'practise', 'review', 'remediate']);
export type ActivityKind = z.infer<typeof activityKindSchema>;

/** Why the progression policy chose an activity, as data, so the tutor and the web can say it in the learner's language. */
export const nextWhySchema = z.discriminatedUnion('code', [
  z.strictObject({ code: z.literal('review-due'), skill: z.string(), days: z.number().int() }),
  z.strictObject({ code: z.literal('remediate'), skill: z.string(), prerequisite: z.string() }),
  z.strictObject({ code: z.literal('reteach'), skill: z.string(), lesson: z.string() }),
  z.strictObject({ code: z.literal('practise'), skill: z.string(), mastery: z.number() }),
  z.strictObject({ code: z.literal('first-practice'), skill: z.string() }), // a skill taught but not yet answered on: no mastery to quote
  z.strictObject({ code: z.literal('start'), lesson: z.string() }),
  z.strictObject({ code: z.literal('next-lesson'), lesson: z.string() }), // what it builds on is mastered
  z.strictObject({ code: z.literal('next-lesson-practised'), lesson: z.string() }), // what it builds on is practised: every exercise answered, not all of it mastered
  z.strictObject({ code: z.literal('blocked'), lesson: z.string() }),
  // practiceResumes: when answering the exercises of a skill that is not mastered, all solved recently, counts again
  z.strictObject({ code: z.literal('finished'), nextReview: z.string().optional(), practiceResumes: z.string().optional() }),
]);
export type NextWhy = z.infer<typeof nextWhySchema>;

export const eventPayloadSchemas = {
  /** A graded answer to an exercise. */
  attempt: z.strictObject({
    exercise: z.string(),
    skills: z.array(z.string()).min(1),
    answer: z.string(),
    verdict: verdictSchema,
    seed: z.number().int().optional(), // the template variant, when parameterized
    misconception: z.string().optional(),
    problem: z.looseObject({ code: z.string() }).optional(), // why the checker could not read the answer (the exercise module's AnswerProblem), for the teacher
    hintsUsed: z.number().int().min(0).default(0), // rungs seen on this exercise before answering
    revealed: z.boolean().default(false), // a revealing rung was shown: no mastery credit
  }),
  /** A rung of an exercise's hint ladder was shown. */
  hint: z.strictObject({ exercise: z.string(), rung: z.number().int().min(1), reveals: z.boolean() }),
  /** A chat message, from the learner or the tutor. `turn` is the client-generated turn id. */
  message: z.strictObject({
    turn: z.string().min(1),
    role: z.enum(['learner', 'tutor']),
    text: z.string(),
    language: z.string().optional(),
  }),
  /**
   * What a tutor reply showed besides its text (exercises, hints, verdicts), as shown: the learner's
   * variant, in their language. The chat shows it again after a reload; not part of the learner's state.
   */
  shown: z.strictObject({ turn: z.string().min(1), parts: z.array(shownPartSchema).min(1) }),
  /** The progression policy moved the learner to a new activity. */
  activity: z.strictObject({
    kind: activityKindSchema,
    lesson: z.string().optional(),
    exercise: z.string().optional(),
    skill: z.string().optional(),
    reason: z.string(),
    why: nextWhySchema.optional(), // absent when the learner chose the activity
  }),
  /** A spaced review of a mastered skill was graded. */
  review: z.strictObject({ skill: z.string(), passed: z.boolean(), exercise: z.string().optional() }),
  /** The learner (or the tutor on their word) changed their profile; absent fields are unchanged. */
  profile: z.strictObject({
    language: z.string().optional(),
    background: z.string().optional(),
    tags: z.array(z.string()).optional(),
    goals: z.string().optional(),
    pace: z.enum(['slow', 'steady', 'fast']).optional(),
  }),
  /** A memory item about the learner was added, corrected or deleted. */
  memory: z.discriminatedUnion('action', [
    z.strictObject({ action: z.literal('add'), item: z.string(), text: z.string().min(1), evidence: z.array(z.string()).default([]) }),
    z.strictObject({ action: z.literal('correct'), item: z.string(), text: z.string().min(1) }),
    z.strictObject({ action: z.literal('delete'), item: z.string() }),
  ]),
} as const;

export type EventType = keyof typeof eventPayloadSchemas;
export const eventTypes = Object.keys(eventPayloadSchemas) as EventType[];
export type EventPayload<T extends EventType> = z.infer<(typeof eventPayloadSchemas)[T]>;

/** An event as stored: the envelope plus a typed payload. */
export type LearnerEvent = {
  [T in EventType]: {
    id: string;
    learner: string;
    course: string;
    courseVersion: string;
    time: string; // ISO 8601
    type: T;
    payload: EventPayload<T>;
  };
}[EventType];

/** Validates an event payload of the given type; throws a ZodError naming the bad field. */
export function parseEventPayload<T extends EventType>(type: T, payload: unknown): EventPayload<T> {
  const schema = eventPayloadSchemas[type];
  if (!schema) throw new Error(`unknown event type "${String(type)}"; expected one of ${eventTypes.join(', ')}`);
  return schema.parse(payload) as EventPayload<T>;
}
