// Test support: the same store tests run on PGlite (in memory) and on a real PostgreSQL,
// each test file in its own schema that is dropped afterwards.
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { migrateToLatest } from './migrate-to-latest.js';
import { openDatabase, type OpenedDatabase } from './open-database.js';

/** The PostgreSQL the test suite uses (trust auth on this machine and in CI). */
export const testPostgresUrl = 'postgres://postgres@127.0.0.1:5432/test';

export interface TestBackend {
  name: 'pglite' | 'postgres';
  /** False when PostgreSQL is unreachable: its tests skip, with `notice` printed once. */
  available: boolean;
  notice?: string;
}

/** How long a test may wait to open PGlite: initdb takes seconds, and far longer on a busy machine. */
export const openTimeoutMs = 180_000;

let postgresCheck: Promise<string | undefined> | undefined;

/**
 * The backends to run store tests on. PostgreSQL that cannot be reached is skipped with a
 * printed notice on a laptop; under CI (CI=true) it is an error instead, so CI never passes
 * without having run them.
 */
export async function testBackends(url = testPostgresUrl): Promise<TestBackend[]> {
  postgresCheck ??= reachPostgres(url);
  const problem = await postgresCheck;
  if (problem === undefined) return [{ name: 'pglite', available: true }, { name: 'postgres', available: true }];
  // Test support reads CI directly: it is not configuration of Primer itself.
  if (process.env.CI) throw new Error(`PostgreSQL at ${url} is required under CI: ${problem}`);
  const notice = `skipping PostgreSQL store tests: ${url} is unreachable (${problem}). Start PostgreSQL to run them.`;
  console.warn(notice);
  return [{ name: 'pglite', available: true }, { name: 'postgres', available: false, notice }];
}

/**
 * Opens a fresh database on the backend, migrated unless `migrate: false`; `close()` drops
 * the PostgreSQL test schema.
 */
export async function openTestDatabase(backend: TestBackend['name'], { migrate = true, url = testPostgresUrl } = {}): Promise<OpenedDatabase> {
  if (backend === 'pglite') {
    const opened = await openDatabase({ kind: 'pglite', dataDir: null });
    if (migrate) await migrateToLatest(opened.db);
    return opened;
  }
  const schema = `primer_test_${randomBytes(6).toString('hex')}`;
  const opened = await openDatabase({ kind: 'postgres', url }, { schema, maxConnections: 4 });
  if (migrate) await migrateToLatest(opened.db, { schema });
  return {
    ...opened,
    close: async () => {
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(opened.db);
      await opened.close();
    },
  };
}

/** Connects once; creates the database if the server is up but it is missing. */
async function reachPostgres(url: string): Promise<string | undefined> {
  const attempt = async (connectionString: string) => {
    const client = new pg.Client({ connectionString, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      return client;
    } catch (error) {
      await client.end().catch(() => {});
      throw error;
    }
  };
  try {
    const client = await attempt(url);
    await client.end();
    return undefined;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== '3D000') return error instanceof Error ? error.message : String(error);
    try {
      const target = new URL(url);
      const database = target.pathname.slice(1);
      target.pathname = '/postgres';
      const admin = await attempt(target.toString());
      await admin.query(`create database "${database.replaceAll('"', '""')}"`).finally(() => admin.end());
      return undefined;
    } catch (creationError) {
      return creationError instanceof Error ? creationError.message : String(creationError);
    }
  }
}
