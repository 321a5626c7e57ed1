// Learner state is a fold over the event log. A read takes the latest snapshot for the fold's
// version plus the events after it, in one round trip, and applies the injected fold to that
// tail; when the tail has grown past `snapshotEvery`, it stores a fresh snapshot, so reads
// never replay more than a short tail. A new fold version ignores older snapshots.
import { sql, type Kysely } from 'kysely';
import type { Database } from './database.js';
import { toStoredEvent, type Clock, type StoredEvent } from './stored-event.js';

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

type TailRow = {
  is_snapshot: boolean;
  sequence: string | number;
  id: string | null;
  course_version: string | null;
  time: Date | null;
  type: string | null;
  payload: unknown;
  idempotency_key: string | null;
};

export async function readLearnerState<State>(
  db: Kysely<Database>,
  clock: Clock,
  learner: string,
  course: string,
  options: ReadLearnerStateOptions<State>,
): Promise<LearnerStateRead<State>> {
  const { fold, version, snapshotEvery = 50, revive = (json: unknown) => json as State } = options;
  const { rows } = await sql<TailRow>`
    with snapshot as (
      select sequence, state from snapshots
      where learner = ${learner} and course = ${course} and fold_version = ${version}
    )
    select true as is_snapshot, sequence, null::text as id, null::text as course_version,
           null::timestamptz as time, null::text as type, state as payload, null::text as idempotency_key
    from snapshot
    union all
    select false, e.sequence, e.id::text, e.course_version, e.time, e.type, e.payload, e.idempotency_key
    from events e
    where e.learner = ${learner} and e.course = ${course}
      and e.sequence > coalesce((select sequence from snapshot), 0)
    order by is_snapshot desc, sequence`.execute(db);

  const snapshot = rows[0]?.is_snapshot ? rows[0] : undefined;
  const start = snapshot ? revive(snapshot.payload) : structuredClone(options.initial);
  const tail = (snapshot ? rows.slice(1) : rows).map((row) =>
    toStoredEvent({
      sequence: row.sequence,
      id: row.id!,
      learner,
      course,
      course_version: row.course_version!,
      time: row.time!,
      type: row.type!,
      payload: row.payload,
      idempotency_key: row.idempotency_key,
      key_index: null,
      recorded_at: row.time!,
    }),
  );
  const state = tail.length > 0 ? fold(start, tail) : start;
  const sequence = tail.at(-1)?.sequence ?? (snapshot ? Number(snapshot.sequence) : 0);

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
