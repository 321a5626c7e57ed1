// Brings a database up to the newest migration. Safe to call at every start: applied
// migrations are skipped, and Kysely takes a lock so two servers starting at once do not race.
import { Migrator, sql, type Kysely } from 'kysely';
import type { Database } from './database.js';
import { migrationProvider } from './migration-provider.js';

export interface MigrationOutcome {
  /** Migrations applied by this call, in order; empty when the database was already current. */
  applied: string[];
  /** Every known migration, applied or not. */
  known: string[];
}

/** Applies every pending migration; throws (after rolling back) when one fails. */
export async function migrateToLatest(db: Kysely<Database>, options: { schema?: string } = {}): Promise<MigrationOutcome> {
  // Name the schema explicitly: otherwise Kysely finds its bookkeeping tables in any schema
  // (say `public`) and then fails to read them in the one the search path points at.
  const schema = options.schema ?? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema;
  const migrator = new Migrator({
    db,
    provider: migrationProvider,
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) {
    const failed = results.find((result) => result.status === 'Error');
    const where = failed ? ` in migration ${failed.migrationName}` : '';
    throw new Error(`database migration failed${where}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const known = (await migrator.getMigrations()).map((migration) => migration.name);
  return { applied: results.filter((result) => result.status === 'Success').map((result) => result.migrationName), known };
}
