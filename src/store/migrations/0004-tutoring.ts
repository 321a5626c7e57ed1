// The tutor conversation and the questions the course could not answer.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('messages')
    .addColumn('id', 'uuid', (column) => column.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('turn', 'text', (column) => column.notNull())
    .addColumn('learner', 'text', (column) => column.notNull())
    .addColumn('course', 'text', (column) => column.notNull())
    .addColumn('role', 'text', (column) => column.notNull().check(sql`role in ('learner', 'tutor')`))
    .addColumn('text', 'text', (column) => column.notNull())
    .addColumn('language', 'text')
    .addColumn('citations', 'jsonb', (column) => column.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('flagged', 'boolean', (column) => column.notNull().defaultTo(false))
    .addColumn('flag_reason', 'text')
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .execute();
  // One learner message and one tutor reply per turn: a re-sent turn is recognised.
  await db.schema.createIndex('messages_turn').on('messages').columns(['learner', 'course', 'turn', 'role']).unique().execute();
  await db.schema.createIndex('messages_learner_course_time').on('messages').columns(['learner', 'course', 'created_at']).execute();
  await db.schema
    .createIndex('messages_flagged')
    .on('messages')
    .columns(['course', 'created_at'])
    .where(sql.ref('flagged'), '=', true)
    .execute();

  await db.schema
    .createTable('unanswered_questions')
    .addColumn('id', 'uuid', (column) => column.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('course', 'text', (column) => column.notNull())
    .addColumn('course_version', 'text', (column) => column.notNull())
    .addColumn('learner', 'text', (column) => column.notNull())
    .addColumn('turn', 'text')
    .addColumn('question', 'text', (column) => column.notNull())
    .addColumn('language', 'text')
    .addColumn('nearest_chunks', 'jsonb', (column) => column.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('status', 'text', (column) => column.notNull().defaultTo('open').check(sql`status in ('open', 'answered', 'dismissed')`))
    .addColumn('teacher_note', 'text')
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addColumn('resolved_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('unanswered_questions_course_status').on('unanswered_questions').columns(['course', 'status', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('unanswered_questions').execute();
  await db.schema.dropTable('messages').execute();
}
