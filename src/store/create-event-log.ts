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
      const prepared = prepareAppend(rawInput, { parseEvent, clock, newId, singleConnection });
      // One statement (a database function): the events and their messages, or, when the key was
      // used before, the events stored under it. With PostgreSQL the function takes the learner's
      // append lock first, so sequence order is commit order and a reader that tails after
      // sequence N never misses an event committed later.
      const { rows } = await sql<Selectable<EventsTable>>`select * from primer_append_events(${appendArguments(prepared)})`.execute(db);
      return appendOutcome(prepared, rows.map(toStoredEvent));
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

/** An append validated and ready for the database: what `primer_append_events` takes. */
export interface PreparedAppend {
  learner: string;
  course: string;
  courseVersion: string;
  key: string | null;
  events: string; // JSON: [{ position, id, time, type, payload }]
  messages: string; // JSON: [{ turn, role, text, language, citations, time }]
  takeLock: boolean;
  ids: Set<string>;
}

/** Validates an append and gives each event its id and time. */
export function prepareAppend(rawInput: AppendEventsInput, { parseEvent, clock, newId, singleConnection }: Omit<EventLogCapabilities, 'db'>): PreparedAppend {
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
  return { learner: input.learner, course: input.course, courseVersion: input.courseVersion, key: input.key ?? null, events: JSON.stringify(events), messages: JSON.stringify(messages), takeLock: !singleConnection, ids };
}

/** The arguments of `primer_append_events`, in order. */
export function appendArguments(prepared: PreparedAppend) {
  const { learner, course, courseVersion, key, events, messages, takeLock } = prepared;
  return sql.join([sql`${learner}`, sql`${course}`, sql`${courseVersion}`, sql`${key}::text`, sql`${events}::jsonb`, sql`${messages}::jsonb`, sql`${takeLock}`]);
}

/** The events the database returned: the new ones, or (when none of them is among the ids just given) a replay's. */
export function appendOutcome(prepared: PreparedAppend, stored: StoredEvent[]): AppendOutcome {
  const events = [...stored].sort((a, b) => a.sequence - b.sequence);
  return { events, replayed: events.length > 0 && !prepared.ids.has(events[0]!.id) };
}

