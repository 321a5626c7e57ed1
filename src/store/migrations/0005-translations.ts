// Translations of course chunks: machine output first, a teacher's approval later.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('translations')
    .addColumn('chunk_hash', 'text', (column) => column.notNull())
    .addColumn('language', 'text', (column) => column.notNull())
    .addColumn('glossary_version', 'text', (column) => column.notNull())
    .addColumn('text', 'text', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull().defaultTo('machine').check(sql`status in ('machine', 'approved')`))
    .addColumn('reviewer_id', 'uuid', (column) => column.references('users.id').onDelete('set null'))
    .addColumn('model', 'text')
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('translations_pkey', ['chunk_hash', 'language', 'glossary_version'])
    .addCheckConstraint('translations_approved_has_reviewer', sql`status = 'machine' or reviewer_id is not null`)
    .execute();
  await db.schema.createIndex('translations_language_status').on('translations').columns(['language', 'status']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('translations').execute();
}
