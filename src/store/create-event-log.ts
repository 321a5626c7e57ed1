// The append-only event log. Each append is one transaction: all of its events are stored,
// or none. There is deliberately no update or delete here (and a trigger refuses them).
import { sql, type Kysely, type Selectable } from 'kysely';
import { z } from 'zod';
import type { Database, EventsTable } from './database.js';
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
  /**
   * Chat messages these events carry, for the `messages` table (the conversation as teachers read
   * it): stored in the same statement as the events, so both are there or neither, and not again
   * on a replay. One row per (learner, course, turn, role).
   */
  messages: z
    .array(
      z.strictObject({
        turn: z.string().min(1),
        role: z.enum(['learner', 'tutor']),
        text: z.string(),
        language: z.string().optional(),
        /** Chunk ids the message cites. */
        citations: z.array(z.string()).default([]),
      }),
    )
    .max(1000)
    .default([]),
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
    const reason = cause instanceof z.ZodError ? z.prettifyError(cause).replaceAll('\n', ' ') : cause instanceof Error ? cause.message : String(cause);
    super(`event ${index} of type "${type}" has an invalid payload: ${reason}`, { cause });
    this.name = 'InvalidEventError';
  }
}

export interface EventLog {
  /** Validates and appends events for one learner in one course, atomically and durably. */
  appendEvents(input: AppendEventsInput): Promise<AppendOutcome>;
  /** One learner's events in one course, in log order. */
  readEvents(query: ReadEventsQuery): Promise<StoredEvent[]>;
}

export interface EventLogCapabilities {
  db: Kysely<Database>;
  parseEvent: ParseEvent;
  clock: Clock;
  newId: () => string;
  /**
   * True when every query goes through one connection (PGlite): appends cannot interleave.
   * With PostgreSQL, appends for a learner take a lock.
   */
  singleConnection: boolean;
}

export function createEventLog({ db, parseEvent, clock, newId, singleConnection }: EventLogCapabilities): EventLog {
  return {
    async appendEvents(rawInput) {
      const input = appendEventsInputSchema.parse(rawInput);
      const now = clock.now().toISOString();
      const ids = new Set<string>();
      const events = input.events.map((event, index) => {
        let payload: unknown;
        try {
          payload = parseEvent(event.type, event.payload);
        } catch (error) {
          throw new InvalidEventError(index, event.type, error);
        }
        const id = newId();
        ids.add(id);
        return { position: index, id, time: event.time?.toISOString() ?? now, type: event.type, payload };
      });
      const messages = input.messages.map((message) => ({ ...message, language: message.language ?? null, time: now }));
      // One statement (a database function): the events and their messages, or, when the key was
      // used before, the events stored under it. With PostgreSQL the function takes the learner's
      // append lock first, so sequence order is commit order and a reader that tails after
      // sequence N never misses an event committed later.
      const { rows } = await sql<Selectable<EventsTable>>`
        select * from primer_append_events(${input.learner}, ${input.course}, ${input.courseVersion}, ${input.key ?? null}::text,
          ${JSON.stringify(events)}::jsonb, ${JSON.stringify(messages)}::jsonb, ${!singleConnection})`.execute(db);
      const stored = rows.map(toStoredEvent).sort((a, b) => a.sequence - b.sequence);
      return { events: stored, replayed: stored.length > 0 && !ids.has(stored[0]!.id) };
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
