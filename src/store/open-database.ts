// Opens Kysely over PGlite or PostgreSQL: one SQL dialect, one set of migrations.
import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { Database } from './database.js';
import { describeDatabaseConfig, type DatabaseConfig } from './database-config.js';

export interface OpenedDatabase {
  db: Kysely<Database>;
  backend: DatabaseConfig['kind'];
  /** Where it is, for messages (no password). */
  description: string;
  /** The schema every query runs in, when not the default `public`. */
  schema?: string;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** Run every query in this schema (created if missing); tests use one per file. */
  schema?: string;
  /** Most PostgreSQL connections at once (default 10); PGlite always has exactly one. */
  maxConnections?: number;
}

const schemaName = /^[a-z_][a-z0-9_]{0,62}$/;

/** Opens the database; call `migrateToLatest(opened.db)` before use and `close()` at the end. */
export async function openDatabase(config: DatabaseConfig, options: OpenDatabaseOptions = {}): Promise<OpenedDatabase> {
  const { schema } = options;
  if (schema !== undefined && !schemaName.test(schema)) {
    throw new Error(`schema name "${schema}" must be lower-case letters, digits and underscores`);
  }
  const description = describeDatabaseConfig(config);
  const db = config.kind === 'pglite' ? await openPglite(config.dataDir, description) : openPostgres(config.url, options);
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
    close: () => db.destroy(),
  };
}

async function openPglite(dataDir: string | null, description: string): Promise<Kysely<Database>> {
  try {
    if (dataDir) await mkdir(dataDir, { recursive: true });
    // relaxedDurability must stay false: a query resolves only after its writes reached the
    // file system, so an acknowledged append survives the process being killed.
    const pglite = await PGlite.create({ ...(dataDir ? { dataDir } : {}), relaxedDurability: false });
    dropUnusedParsers(pglite);
    return new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`could not open ${description}: ${reason}. Check that the folder is writable and not used by another Primer process.`, { cause: error });
  }
}

/**
 * PGlite copies its table of result parsers on every query (`{ ...parsers }`), and the copy is as
 * large as the highest type OID in it: with array parsers for every system catalog's row type (OIDs
 * above 10000, and above 16384 for Primer's own tables once a data folder is reopened) that is over
 * 120 KB of garbage per query, even `select 1`, which makes the garbage collector pause about once
 * every 85 reads. Primer only reads built-in types (text, numbers, booleans, uuid, JSON, times) and
 * arrays of them, all below OID 4000, so the other parsers go: a query then leaves about 75 KB. A
 * type above 4000 (a multirange, an array of a row type) would come back as its text.
 */
function dropUnusedParsers(pglite: PGlite): void {
  // A new object rather than deletes: V8 copies an object that had keys deleted far less cheaply.
  pglite.parsers = Object.fromEntries(Object.entries(pglite.parsers).filter(([key]) => !(Number(key) >= 4000)));
}

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
