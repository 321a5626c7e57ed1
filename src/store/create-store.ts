// The store: the event log plus folded learner state, over an opened database.
import type { Kysely } from 'kysely';
import type { Database } from './database.js';
import { appendOutcome, createEventLog, prepareAppend, type AppendEventsInput, type AppendOutcome, type EventLog } from './create-event-log.js';
import { createUuidV7 } from './create-uuid-v7.js';
import type { OpenedDatabase } from './open-database.js';
import { createLearnerStateReader, type LearnerStateRead, type ReadLearnerStateOptions } from './read-learner-state.js';
import { systemClock, type Clock, type ParseEvent } from './stored-event.js';

export interface StoreCapabilities {
  /** An opened (and migrated) database. */
  database: OpenedDatabase;
  /** Validates event payloads; Primer passes `parseEventPayload` from the learner module. */
  parseEvent: ParseEvent;
  /** Time of events and snapshots (default: the system clock). */
  clock?: Clock;
  /** Event ids (default: UUID v7 from `clock`). */
  newId?: () => string;
}

export interface Store extends EventLog {
  /** The learner's state in a course: latest snapshot plus the tail of events after it (see ReadLearnerStateOptions). */
  readLearnerState<State>(learner: string, course: string, options: ReadLearnerStateOptions<State>): Promise<LearnerStateRead<State>>;
  /** appendEvents, then readLearnerState for the same learner and course (the read sees the new events), in one call to the database. */
  appendAndReadLearnerState<State>(input: AppendEventsInput, options: ReadLearnerStateOptions<State>): Promise<AppendOutcome & { read: LearnerStateRead<State> }>;
  /** The Kysely instance, for repositories of the other tables. */
  db: Kysely<Database>;
  /** PGlite only: the data folder as a gzipped tar, a consistent copy (see writeBackup); PostgreSQL has pg_dump. */
  dumpDataFolder?: () => Promise<Uint8Array>;
  /** Waits for snapshot writes under way, then closes the database. */
  close(): Promise<void>;
}

/**
 * @example
 * const store = createStore({ database: await openDatabase(config), parseEvent: parseEventPayload });
 * await store.appendEvents({ learner, course, courseVersion, key: turnId, events: [{ type: 'message', payload }] });
 */
export function createStore({ database, parseEvent, clock = systemClock, newId }: StoreCapabilities): Store {
  const { db } = database;
  const capabilities = {
    parseEvent,
    clock,
    newId: newId ?? createUuidV7({ now: () => clock.now().getTime() }),
    singleConnection: database.backend === 'pglite',
  };
  const eventLog = createEventLog({ db, ...capabilities });
  const learnerState = createLearnerStateReader(db, clock);
  return {
    ...eventLog,
    readLearnerState: (learner, course, options) => learnerState.read(learner, course, options),
    async appendAndReadLearnerState(input, options) {
      const prepared = prepareAppend(input, capabilities);
      const { appended, read } = await learnerState.appendAndRead(prepared, options);
      return { ...appendOutcome(prepared, appended), read };
    },
    db,
    ...(database.dumpDataFolder ? { dumpDataFolder: database.dumpDataFolder } : {}),
    close: async () => {
      await learnerState.settle(); // snapshot writes still under way
      await database.close();
    },
  };
}
