// Learner state is a fold over the event log. A read takes the latest snapshot for the fold's
// version plus the events after it, in one query, and applies the injected fold to that
// tail; when the tail has grown past `snapshotEvery`, it stores a fresh snapshot, so reads
// never replay more than a short tail. A new fold version ignores older snapshots.
import { sql, type Kysely } from 'kysely';
import type { Database } from './database.js';
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
  /** Write a snapshot once more than this many events were replayed (default 50). */
  snapshotEvery?: number;
  /** Turns a snapshot's JSON back into state (default: as is). State must survive JSON. */
  revive?: (json: unknown) => State;
}

export interface LearnerStateRead<State> {
  state: State;
  /** The last event folded into the state (0 when the learner has none). */
  sequence: number;
  /** How many events this read replayed on top of the snapshot. */
  replayed: number;
  /** Whether this read stored a new snapshot. */
  snapshotWritten: boolean;
}

/** One event of the tail as the read query packs it: a JSON array, in this order. */
type PackedEvent = [sequence: number, id: string, courseVersion: string, time: string, type: string, payload: unknown, key: string | null];

type ReadRow = { snapshot_sequence: string | number | null; snapshot_state: unknown; tail: PackedEvent[] | string };

export async function readLearnerState<State>(
  db: Kysely<Database>,
  clock: Clock,
  learner: string,
  course: string,
  options: ReadLearnerStateOptions<State>,
): Promise<LearnerStateRead<State>> {
  const { fold, version, snapshotEvery = 50, revive = (json: unknown) => json as State } = options;
  // One row: the snapshot, and the tail packed into one JSON array (far cheaper than a row per event).
  const { rows } = await sql<ReadRow>`
    with snapshot as (
      select sequence, state from snapshots
      where learner = ${learner} and course = ${course} and fold_version = ${version}
    )
    select (select sequence from snapshot) as snapshot_sequence,
           (select state from snapshot) as snapshot_state,
           (select coalesce(json_agg(json_build_array(e.sequence, e.id, e.course_version, e.time, e.type, e.payload, e.idempotency_key) order by e.sequence), '[]'::json)
            from events e
            where e.learner = ${learner} and e.course = ${course}
              and e.sequence > coalesce((select sequence from snapshot), 0)) as tail`.execute(db);

  const row = rows[0]!;
  const hasSnapshot = row.snapshot_sequence !== null;
  const start = hasSnapshot ? revive(row.snapshot_state) : structuredClone(options.initial);
  const packed = typeof row.tail === 'string' ? (JSON.parse(row.tail) as PackedEvent[]) : row.tail;
  const tail: StoredEvent[] = packed.map(([sequence, id, courseVersion, time, type, payload, key]) => ({
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
  const state = tail.length > 0 ? fold(start, tail) : start;
  const sequence = tail.at(-1)?.sequence ?? (hasSnapshot ? Number(row.snapshot_sequence) : 0);

  const snapshotWritten = tail.length > snapshotEvery;
  if (snapshotWritten) {
    await db
      .insertInto('snapshots')
      .values({ learner, course, fold_version: version, sequence, state: JSON.stringify(state), created_at: clock.now() })
      .onConflict((conflict) =>
        conflict
          .columns(['learner', 'course', 'fold_version'])
          .doUpdateSet((update) => ({ sequence: update.ref('excluded.sequence'), state: update.ref('excluded.state'), created_at: update.ref('excluded.created_at') }))
          .where('snapshots.sequence', '<', (update) => update.ref('excluded.sequence')),
      )
      .execute();
  }
  return { state, sequence, replayed: tail.length, snapshotWritten };
}
