// Learner state is a fold over the event log. A read takes the latest snapshot for the fold's
// version plus the events after it that the fold reads (and, if asked, the latest events of one
// type with how many there are), in one call to a database function (its plans are kept, so the
// read is not planned each time), and applies the injected fold to that tail. The snapshot also
// keeps that count, so a read counts only the events after it. When the tail, or the events
// counted, have grown past `snapshotEvery`, the reader stores a fresh snapshot after the read has
// resolved, so the caller never waits for that write, and no read goes through more than a short
// stretch of a learner's history however long it is. A new fold version ignores older snapshots.
import { sql, type Kysely } from 'kysely';
import type { Database } from './database.js';
import { appendArguments, type PreparedAppend } from './create-event-log.js';
import type { Clock, StoredEvent } from './stored-event.js';

export interface ReadLearnerStateOptions<State> {
  /**
   * Applies events (in log order) to the state and returns the new state; must be pure and
   * deterministic, and fold(fold(s, a), b) must equal fold(s, [...a, ...b]).
   */
  fold: (state: State, events: readonly StoredEvent[]) => State;
  /** The state before any event; copied for every read, so a fold may not corrupt it. */
  initial: State;
  /** Names the fold's logic; change it whenever the fold changes, so old snapshots are not reused. */
  version: string;
  /** Store a snapshot once a read replayed more than this many events (default 50). */
  snapshotEvery?: number;
  /** Turns a snapshot's JSON back into state (default: as is). State must survive JSON. */
  revive?: (json: unknown) => State;
  /**
   * The event types the fold reads (default: all). Others are left out of the tail and do not count
   * towards `snapshotEvery`. Part of the fold: change `version` when it changes.
   */
  types?: readonly string[];
  /**
   * Also return the payloads of the learner's latest events of this type (e.g. the recent conversation)
   * and how many there are, in the same call. Snapshots keep the count for one type: reads that ask
   * for different types in turn count from the start each time.
   */
  recent?: { type: string; limit: number };
}

export interface LearnerStateRead<State> {
  state: State;
  /** The last event the state is up to date with (0 when the learner has none): the last one folded, or a later one of a type the fold does not read. */
  sequence: number;
  /** How many events this read replayed on top of the snapshot. */
  replayed: number;
  /** Whether this read stores a new snapshot (written just after the read resolves). */
  snapshotWritten: boolean;
  /** With `recent`: the payloads of the latest events of that type, oldest first, and how many such events there are in all. */
  recent: { payloads: unknown[]; total: number };
}

/** One event of the tail as the read query packs it: a JSON array, in this order. */
type PackedEvent = [sequence: number, id: string, courseVersion: string, time: string, type: string, payload: unknown, key: string | null];

/** JSON comes back as text and is parsed here: a string crosses from the PGlite thread far more cheaply than the objects parsed from it. */
type ReadRow = {
  appended?: string;
  snapshot_sequence: string | number | bigint | null;
  snapshot_state: string | null;
  tail: string;
  recent: string | null;
  recent_total: string | number | bigint;
  /** How many events of the recent type this read counted (those after the snapshot's count), and the last of them. */
  recent_counted: string | number | bigint;
  recent_last: string | number | bigint | null;
};

export interface LearnerStateReader {
  read<State>(learner: string, course: string, options: ReadLearnerStateOptions<State>): Promise<LearnerStateRead<State>>;
  /** Appends (see EventLog.appendEvents), then reads the same learner's state, in one call to the database. */
  appendAndRead<State>(append: PreparedAppend, options: ReadLearnerStateOptions<State>): Promise<{ appended: StoredEvent[]; read: LearnerStateRead<State> }>;
  /** Resolves once every snapshot write started so far has finished (call before closing the database). */
  settle(): Promise<void>;
}

/**
 * Reads folded learner state. Snapshot writes run after the read resolves; a later read of the
 * same learner, course and fold version through this reader waits for that write first, so it
 * starts from the new snapshot.
 */
export function createLearnerStateReader(db: Kysely<Database>, clock: Clock): LearnerStateReader {
  const pendingWrites = new Map<string, Promise<void>>();
  async function read<State>(learner: string, course: string, options: ReadLearnerStateOptions<State>, append?: PreparedAppend) {
    const { fold, version, snapshotEvery = 50, revive = (json: unknown) => json as State, types, recent } = options;
    const writeKey = JSON.stringify([learner, course, version]);
    const pending = pendingWrites.get(writeKey);
    if (pending) await pending;
    // One row: the snapshot, the tail packed into one JSON array (far cheaper than a row per event), and the recent events asked for.
    const readArguments = sql.join([sql`${version}`, sql`${types ? [...types] : null}::text[]`, sql`${recent?.type ?? null}::text`, sql`${recent?.limit ?? 0}::integer`]);
    const { rows } = append
      ? await sql<ReadRow>`
          select appended::text, snapshot_sequence, snapshot_state::text, tail::text, recent::text, recent_total, recent_counted, recent_last
          from primer_append_and_read(${appendArguments(append)}, ${readArguments})`.execute(db)
      : await sql<ReadRow>`
          select snapshot_sequence, snapshot_state::text, tail::text, recent::text, recent_total, recent_counted, recent_last
          from primer_learner_state_read(${learner}, ${course}, ${readArguments})`.execute(db);

    const row = rows[0]!;
    const hasSnapshot = row.snapshot_sequence !== null;
    const start = hasSnapshot ? revive(JSON.parse(row.snapshot_state!)) : structuredClone(options.initial);
    const tail = unpack(row.tail, learner, course);
    const state = tail.length > 0 ? fold(start, tail) : start;
    const sequence = tail.at(-1)?.sequence ?? (hasSnapshot ? Number(row.snapshot_sequence) : 0);

    const recentTotal = Number(row.recent_total);
    const snapshotWritten = tail.length > snapshotEvery || Number(row.recent_counted) > snapshotEvery;
    if (snapshotWritten) {
      // Serialised now, so a state that JSON cannot hold fails this read rather than vanishing.
      const json = JSON.stringify(state);
      // The snapshot accounts for every event this read folded or counted.
      const through = Math.max(sequence, Number(row.recent_last ?? 0));
      const counted = recent ? { type: recent.type, total: recentTotal } : null;
      const write = writeSnapshot(db, { learner, course, version, sequence: through, json, counted, at: clock.now() }).then(
        () => {},
        // A snapshot is only a cache: if storing it fails, the next read replays the longer tail and tries again.
        () => {},
      );
      const tracked = write.finally(() => {
        if (pendingWrites.get(writeKey) === tracked) pendingWrites.delete(writeKey);
      });
      pendingWrites.set(writeKey, tracked);
    }
    const recentPayloads = row.recent === null ? [] : (JSON.parse(row.recent) as unknown[]);
    const result: LearnerStateRead<State> = { state, sequence, replayed: tail.length, snapshotWritten, recent: { payloads: recentPayloads, total: recentTotal } };
    return { result, appended: row.appended === undefined ? [] : unpack(row.appended, learner, course) };
  }

  return {
    read: async (learner, course, options) => (await read(learner, course, options)).result,
    async appendAndRead(append, options) {
      const { result, appended } = await read(append.learner, append.course, options, append);
      return { appended, read: result };
    },
    async settle() {
      while (pendingWrites.size > 0) await Promise.all(pendingWrites.values());
    },
  };
}

/** Events as the database functions pack them: one JSON array of arrays. */
function unpack(json: string, learner: string, course: string): StoredEvent[] {
  return (JSON.parse(json) as PackedEvent[]).map(([sequence, id, courseVersion, time, type, payload, key]) => ({
    id,
    sequence: Number(sequence),
    learner,
    course,
    courseVersion,
    time: new Date(time).toISOString(),
    type,
    payload,
    key,
  }));
}

/** Stores a snapshot unless one at the same or a later sequence is there already. */
async function writeSnapshot(
  db: Kysely<Database>,
  snapshot: { learner: string; course: string; version: string; sequence: number; json: string; counted: { type: string; total: number } | null; at: Date },
): Promise<void> {
  const { learner, course, version, sequence, json, counted, at } = snapshot;
  await db
    .insertInto('snapshots')
    .values({ learner, course, fold_version: version, sequence, state: json, recent_type: counted?.type ?? null, recent_total: counted?.total ?? null, created_at: at })
    .onConflict((conflict) =>
      conflict
        .columns(['learner', 'course', 'fold_version'])
        .doUpdateSet((update) => ({
          sequence: update.ref('excluded.sequence'),
          state: update.ref('excluded.state'),
          recent_type: update.ref('excluded.recent_type'),
          recent_total: update.ref('excluded.recent_total'),
          created_at: update.ref('excluded.created_at'),
        }))
        .where('snapshots.sequence', '<', (update) => update.ref('excluded.sequence')),
    )
    .execute();
}

/** Reads once and waits for the snapshot write, if any: for one-off use outside a store. */
export async function readLearnerState<State>(
  db: Kysely<Database>,
  clock: Clock,
  learner: string,
  course: string,
  options: ReadLearnerStateOptions<State>,
): Promise<LearnerStateRead<State>> {
  const reader = createLearnerStateReader(db, clock);
  const read = await reader.read(learner, course, options);
  await reader.settle();
  return read;
}
