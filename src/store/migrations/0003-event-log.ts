// The append-only event log and the snapshots that cache folds over it.
// A trigger refuses UPDATE and DELETE on events, so not even a stray query can rewrite history.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('events')
    .addColumn('sequence', 'bigserial', (column) => column.primaryKey())
    .addColumn('id', 'uuid', (column) => column.notNull().unique())
    .addColumn('learner', 'text', (column) => column.notNull())
    .addColumn('course', 'text', (column) => column.notNull())
    .addColumn('course_version', 'text', (column) => column.notNull())
    .addColumn('time', 'timestamptz', (column) => column.notNull())
    .addColumn('type', 'text', (column) => column.notNull())
    .addColumn('payload', 'jsonb', (column) => column.notNull())
    .addColumn('idempotency_key', 'text')
    .addColumn('key_index', 'integer')
    .addColumn('recorded_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('events_key_has_index', sql`(idempotency_key is null) = (key_index is null)`)
    .execute();
  // Reading one learner's log in one course, and its tail after a snapshot.
  await db.schema.createIndex('events_learner_course_sequence').on('events').columns(['learner', 'course', 'sequence']).execute();
  // Re-sending an append with the same client key never stores it twice.
  await db.schema
    .createIndex('events_idempotency')
    .on('events')
    .columns(['learner', 'course', 'idempotency_key', 'key_index'])
    .unique()
    .where(sql.ref('idempotency_key'), 'is not', null)
    .execute();
  await db.schema.createIndex('events_course_time').on('events').columns(['course', 'time']).execute();

  await sql`
    create function primer_forbid_event_change() returns trigger language plpgsql as $$
    begin
      raise exception 'the event log is append-only: % on events is not allowed', tg_op;
    end
    $$`.execute(db);
  await sql`
    create trigger events_append_only before update or delete on events
    for each row execute function primer_forbid_event_change()`.execute(db);

  await db.schema
    .createTable('snapshots')
    .addColumn('learner', 'text', (column) => column.notNull())
    .addColumn('course', 'text', (column) => column.notNull())
    .addColumn('fold_version', 'text', (column) => column.notNull())
    .addColumn('sequence', 'bigint', (column) => column.notNull())
    .addColumn('state', 'jsonb', (column) => column.notNull())
    .addColumn('created_at', 'timestamptz', (column) => column.notNull())
    .addPrimaryKeyConstraint('snapshots_pkey', ['learner', 'course', 'fold_version'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('snapshots').execute();
  await db.schema.dropTable('events').execute();
  await sql`drop function primer_forbid_event_change()`.execute(db);
}
