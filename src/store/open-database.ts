// Opens Kysely over PGlite (on a worker thread, open-pglite-worker.ts) or PostgreSQL: one SQL
// dialect, one set of migrations.
import { mkdir, readdir } from 'node:fs/promises';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from './database.js';
import { describeDatabaseConfig, type DatabaseConfig } from './database-config.js';
import { lockDataFolder } from './lock-data-folder.js';
import { openPgliteWorker } from './open-pglite-worker.js';
import { PgliteWorkerDialect } from './pglite-worker-dialect.js';

export interface OpenedDatabase {
  db: Kysely<Database>;
  backend: DatabaseConfig['kind'];
  /** Where it is, for messages (no password). */
  description: string;
  /** The schema every query runs in, when not the default `public`. */
  schema?: string;
  /** PGlite only: its data as a gzipped tar of the data folder, a consistent copy (see pglite-worker.mjs). */
  dumpDataFolder?: () => Promise<Uint8Array>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** Run every query in this schema (created if missing); tests use one per file. */
  schema?: string;
  /** Most PostgreSQL connections at once (default 10); PGlite always has exactly one. */
  maxConnections?: number;
  /** PGlite: a backup (writeBackup's archive) to fill the data folder with; the folder must be empty or absent. */
  restoreFrom?: Uint8Array;
}

const schemaName = /^[a-z_][a-z0-9_]{0,62}$/;

/** Opens the database; call `migrateToLatest(opened.db)` before use and `close()` at the end. */
export async function openDatabase(config: DatabaseConfig, options: OpenDatabaseOptions = {}): Promise<OpenedDatabase> {
  const { schema } = options;
  if (schema !== undefined && !schemaName.test(schema)) {
    throw new Error(`schema name "${schema}" must be lower-case letters, digits and underscores`);
  }
  const description = describeDatabaseConfig(config);
  const { db, release, dumpDataFolder } = config.kind === 'pglite' ? await openPglite(config.dataDir, description, options.restoreFrom) : { db: openPostgres(config.url, options), release: async () => {}, dumpDataFolder: undefined };
  if (schema) {
    await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
    // PGlite has one session, so setting it once holds; PostgreSQL sets it per connection (above).
    if (config.kind === 'pglite') await sql`set search_path to ${sql.id(schema)}`.execute(db);
  }
  return {
    db,
    backend: config.kind,
    description,
    ...(schema ? { schema } : {}),
    ...(dumpDataFolder ? { dumpDataFolder } : {}),
    close: async () => {
      await db.destroy();
      await release();
    },
  };
}

/** PGlite on its worker thread; a data folder is claimed for this process first (lock-data-folder.ts) and let go by `release`. */
async function openPglite(dataDir: string | null, description: string, restoreFrom?: Uint8Array): Promise<{ db: Kysely<Database>; release: () => Promise<void>; dumpDataFolder: () => Promise<Uint8Array> }> {
  let release = async () => {};
  try {
    if (dataDir) await mkdir(dataDir, { recursive: true });
  } catch (error) {
    throw cannotOpen(description, error);
  }
  if (restoreFrom && dataDir && (await readdir(dataDir)).length > 0) throw new Error(`will not restore a backup into ${dataDir}: the folder is not empty; move it aside or choose another folder`);
  if (dataDir) release = await lockDataFolder(dataDir); // its error says who holds the folder
  try {
    const client = await openPgliteWorker(dataDir, restoreFrom);
    // A backup holds the lock file of the process it was taken from: this process holds the folder now.
    if (restoreFrom && dataDir) release = await lockDataFolder(dataDir, { takeOver: true });
    return { db: new Kysely<Database>({ dialect: new PgliteWorkerDialect(client) }), release, dumpDataFolder: () => client.backup() };
  } catch (error) {
    await release();
    throw cannotOpen(description, error);
  }
}

const cannotOpen = (description: string, error: unknown) =>
  new Error(`could not open ${description}: ${error instanceof Error ? error.message : String(error)}. Check that the folder is writable.`, { cause: error });

function openPostgres(url: string, options: OpenDatabaseOptions): Kysely<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // An idle connection that drops (server restart) must not crash the process; the pool reconnects.
  pool.on('error', () => {});
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
