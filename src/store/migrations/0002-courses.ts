// Courses, their compiled versions by content hash, and enrollments (with invitations).
// The answer keys of a version live in their own table, so no query for content can read them.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('courses')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('title', 'text', (column) => column.notNull())
    .addColumn('owner_id', 'uuid', (column) => column.references('users.id').onDelete('set null'))
    .addColumn('current_version', 'text')
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('course_versions')
    .addColumn('course_id', 'text', (column) => column.notNull().references('courses.id').onDelete('cascade'))
    .addColumn('content_hash', 'text', (column) => column.notNull())
    .addColumn('public_bundle', 'jsonb', (column) => column.notNull())
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('course_versions_pkey', ['course_id', 'content_hash'])
    .execute();

  await db.schema
    .createTable('course_version_keys')
    .addColumn('course_id', 'text', (column) => column.notNull())
    .addColumn('content_hash', 'text', (column) => column.notNull())
    .addColumn('keys_bundle', 'jsonb', (column) => column.notNull())
    .addPrimaryKeyConstraint('course_version_keys_pkey', ['course_id', 'content_hash'])
    .addForeignKeyConstraint('course_version_keys_version', ['course_id', 'content_hash'], 'course_versions', ['course_id', 'content_hash'], (constraint) =>
      constraint.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('enrollments')
    .addColumn('id', 'uuid', (column) => column.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('course_id', 'text', (column) => column.notNull().references('courses.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (column) => column.references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (column) => column.notNull().defaultTo('learner').check(sql`role in ('learner', 'teacher')`))
    .addColumn('invite_token_hash', 'text', (column) => column.unique())
    .addColumn('invite_email', 'text')
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addColumn('accepted_at', 'timestamptz')
    .addCheckConstraint('enrollments_user_or_invite', sql`user_id is not null or invite_token_hash is not null`)
    .execute();
  await db.schema
    .createIndex('enrollments_course_user')
    .on('enrollments')
    .columns(['course_id', 'user_id'])
    .unique()
    .where(sql.ref('user_id'), 'is not', null)
    .execute();
  await db.schema.createIndex('enrollments_user').on('enrollments').column('user_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('enrollments').execute();
  await db.schema.dropTable('course_version_keys').execute();
  await db.schema.dropTable('course_versions').execute();
  await db.schema.dropTable('courses').execute();
}
