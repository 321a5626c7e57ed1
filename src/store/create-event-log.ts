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
   * True when every query goes through one connection (PGlite): appends cannot interleave,
   * so each is a single statement. With PostgreSQL, appends for a learner take a lock.
   */
  singleConnection: boolean;
}

export function createEventLog({ db, parseEvent, clock, newId, singleConnection }: EventLogCapabilities): EventLog {
  return {
    async appendEvents(rawInput) {
      const input = appendEventsInputSchema.parse(rawInput);
      const key = input.key ?? null;
      const rows = input.events.map((event, index) => {
        let payload: unknown;
        try {
          payload = parseEvent(event.type, event.payload);
        } catch (error) {
          throw new InvalidEventError(index, event.type, error);
        }
        const time = (event.time ?? clock.now()).toISOString();
        return sql`(${index}::integer, ${newId()}::uuid, ${time}::timestamptz, ${event.type}::text, ${JSON.stringify(payload)}::jsonb)`;
      });
      // One statement stores all of the events or, when the key was used before, none of them.
      const insert = sql<Selectable<EventsTable>>`
        insert into events (id, learner, course, course_version, time, type, payload, idempotency_key, key_index)
        select v.id, ${input.learner}, ${input.course}, ${input.courseVersion}, v.time, v.type, v.payload, ${key}::text,
               case when ${key}::text is null then null else v.position end
        from (values ${sql.join(rows)}) as v (position, id, time, type, payload)
        where not exists (
          select 1 from events
          where learner = ${input.learner} and course = ${input.course} and idempotency_key = ${key}::text
        )
        order by v.position
        returning *`;
      const run = async (executor: Kysely<Database>): Promise<AppendOutcome> => {
        const { rows: inserted } = await insert.execute(executor);
        if (inserted.length === 0 && key !== null) {
          return { events: await selectByKey(executor, input.learner, input.course, key), replayed: true };
        }
        return { events: inserted.map(toStoredEvent).sort((a, b) => a.sequence - b.sequence), replayed: false };
      };
      if (singleConnection) return run(db);
      return db.transaction().execute(async (transaction) => {
        // Appends for one learner in one course take turns, so sequence order is commit order
        // and a reader that tails after sequence N never misses an event committed later.
        await sql`select pg_advisory_xact_lock(hashtext(${input.learner}), hashtext(${input.course}))`.execute(transaction);
        return run(transaction);
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

async function selectByKey(executor: Kysely<Database>, learner: string, course: string, key: string): Promise<StoredEvent[]> {
  const rows = await executor
    .selectFrom('events')
    .selectAll()
    .where('learner', '=', learner)
    .where('course', '=', course)
    .where('idempotency_key', '=', key)
    .orderBy('sequence')
    .execute();
  return rows.map(toStoredEvent);
}
