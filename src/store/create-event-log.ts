// The append-only event log. Each append is one transaction: all of its events are stored,
// or none. There is deliberately no update or delete here (and a trigger refuses them).
import { sql, type Kysely, type Transaction } from 'kysely';
import { z } from 'zod';
import type { Database } from './database.js';
import { toStoredEvent, type Clock, type ParseEvent, type StoredEvent } from './stored-event.js';

const appendEventsInputSchema = z.strictObject({
  learner: z.string().min(1),
  course: z.string().min(1),
  courseVersion: z.string().min(1),
  /** Client key: re-sending an append with the same key returns the stored events instead. */
  key: z.string().min(1).max(200).optional(),
  events: z
    .array(z.strictObject({ type: z.string().min(1), payload: z.unknown(), time: z.date().optional() }))
    .min(1)
    .max(1000),
});
export type AppendEventsInput = z.input<typeof appendEventsInputSchema>;

export interface AppendOutcome {
  /** The stored events, in log order. */
  events: StoredEvent[];
  /** True when the key had been appended before and nothing new was stored. */
  replayed: boolean;
}

export interface ReadEventsQuery {
  learner: string;
  course: string;
  /** Only events after this sequence number (default 0: from the start). */
  afterSequence?: number;
  /** At most this many (default 1000). */
  limit?: number;
}

/** A payload the injected validator rejected: a bug in the caller, reported with its position. */
export class InvalidEventError extends Error {
  constructor(
    readonly index: number,
    readonly type: string,
    cause: unknown,
  ) {
    super(`event ${index} of type "${type}" has an invalid payload: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'InvalidEventError';
  }
}

export interface EventLog {
  /** Validates and appends events for one learner in one course, atomically and durably. */
  appendEvents(input: AppendEventsInput): Promise<AppendOutcome>;
  /** One learner's events in one course, in log order. */
  readEvents(query: ReadEventsQuery): Promise<StoredEvent[]>;
}

export function createEventLog({ db, parseEvent, clock, newId }: { db: Kysely<Database>; parseEvent: ParseEvent; clock: Clock; newId: () => string }): EventLog {
  return {
    async appendEvents(rawInput) {
      const input = appendEventsInputSchema.parse(rawInput);
      const rows = input.events.map((event, index) => {
        let payload: unknown;
        try {
          payload = parseEvent(event.type, event.payload);
        } catch (error) {
          throw new InvalidEventError(index, event.type, error);
        }
        return {
          id: newId(),
          learner: input.learner,
          course: input.course,
          course_version: input.courseVersion,
          time: event.time ?? clock.now(),
          type: event.type,
          payload: JSON.stringify(payload),
          idempotency_key: input.key ?? null,
          key_index: input.key === undefined ? null : index,
        };
      });
      return db.transaction().execute(async (transaction) => {
        // Appends for one learner in one course take turns, so sequence order is commit order
        // and a reader that tails after sequence N never misses an event committed later.
        await sql`select pg_advisory_xact_lock(hashtext(${input.learner}), hashtext(${input.course}))`.execute(transaction);
        if (input.key !== undefined) {
          const stored = await selectByKey(transaction, input.learner, input.course, input.key);
          if (stored.length > 0) return { events: stored, replayed: true };
        }
        const inserted = await transaction.insertInto('events').values(rows).returningAll().execute();
        return { events: inserted.map(toStoredEvent).sort((a, b) => a.sequence - b.sequence), replayed: false };
      });
    },

    async readEvents({ learner, course, afterSequence = 0, limit = 1000 }) {
      const rows = await db
        .selectFrom('events')
        .selectAll()
        .where('learner', '=', learner)
        .where('course', '=', course)
        .where('sequence', '>', afterSequence)
        .orderBy('sequence')
        .limit(limit)
        .execute();
      return rows.map(toStoredEvent);
    },
  };
}

async function selectByKey(transaction: Transaction<Database>, learner: string, course: string, key: string): Promise<StoredEvent[]> {
  const rows = await transaction
    .selectFrom('events')
    .selectAll()
    .where('learner', '=', learner)
    .where('course', '=', course)
    .where('idempotency_key', '=', key)
    .orderBy('sequence')
    .execute();
  return rows.map(toStoredEvent);
}
