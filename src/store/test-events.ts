// Test support: a small event vocabulary, so store tests do not depend on the learner module.
import { z } from 'zod';
import type { ParseEvent } from './stored-event.js';

const schemas: Record<string, z.ZodType> = {
  attempt: z.strictObject({ exercise: z.string(), correct: z.boolean(), hintsUsed: z.number().int().min(0).default(0) }),
  message: z.strictObject({ turn: z.string(), text: z.string() }),
};

export const parseTestEvent: ParseEvent = (type, payload) => {
  const schema = schemas[type];
  if (!schema) throw new Error(`unknown event type "${type}"`);
  return schema.parse(payload);
};

/** A fold that counts attempts and correct answers per exercise. */
export type AttemptCounts = { events: number; attempts: Record<string, { tries: number; correct: number }> };

export const countAttempts = (state: AttemptCounts, events: readonly { type: string; payload: unknown }[]): AttemptCounts => {
  const next = structuredClone(state);
  for (const event of events) {
    next.events += 1;
    if (event.type === 'attempt') {
      const { exercise, correct } = event.payload as { exercise: string; correct: boolean };
      const counts = (next.attempts[exercise] ??= { tries: 0, correct: 0 });
      counts.tries += 1;
      if (correct) counts.correct += 1;
    }
  }
  return next;
};
