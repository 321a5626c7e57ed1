// Every call through the model router: what it was for, what it cost, how fast and how it ended.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('model_calls')
    .addColumn('id', 'uuid', (column) => column.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('time', 'timestamptz', (column) => column.notNull())
    .addColumn('task', 'text', (column) => column.notNull())
    .addColumn('tier', 'text', (column) => column.notNull())
    .addColumn('provider', 'text', (column) => column.notNull())
    .addColumn('model', 'text', (column) => column.notNull())
    .addColumn('input_tokens', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('output_tokens', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('cached_tokens', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('cost_usd', 'double precision', (column) => column.notNull().defaultTo(0))
    .addColumn('ttft_ms', 'integer')
    .addColumn('total_ms', 'integer')
    .addColumn('outcome', 'text', (column) => column.notNull())
    .addColumn('reason', 'text')
    .addColumn('learner', 'text')
    .addColumn('course', 'text')
    .addColumn('turn', 'text')
    .execute();
  // Budgets sum cost per learner, per course and per deployment over a time window.
  await db.schema.createIndex('model_calls_time').on('model_calls').column('time').execute();
  await db.schema.createIndex('model_calls_learner_time').on('model_calls').columns(['learner', 'time']).execute();
  await db.schema.createIndex('model_calls_course_time').on('model_calls').columns(['course', 'time']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('model_calls').execute();
}
