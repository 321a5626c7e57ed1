// Where the database is: an embedded PGlite data folder (the default) or a PostgreSQL URL.
// The caller (the CLI or the configuration loader) passes flags and environment in.
import path from 'node:path';
import { z } from 'zod';

export const defaultDataDir = './primer-data';

export const databaseConfigSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('pglite'),
    /** Folder holding the embedded database; null keeps it in memory (tests, previews). */
    dataDir: z.string().min(1).nullable(),
  }),
  z.strictObject({
    kind: z.literal('postgres'),
    url: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'a PostgreSQL URL starts with postgres:// or postgresql://, e.g. postgres://user@host:5432/primer'),
  }),
]);
export type DatabaseConfig = z.infer<typeof databaseConfigSchema>;

export interface DatabaseConfigSources {
  /** `--data <dir>` */
  data?: string | undefined;
  /** `--database-url <url>` */
  databaseUrl?: string | undefined;
  /** The environment; only DATABASE_URL and PRIMER_DATA are read. */
  environment?: Record<string, string | undefined>;
  /** Base for a relative data folder; defaults to the working directory. */
  cwd?: string;
}

/**
 * Picks the database: a flag beats the environment, and a URL beats a data folder at the
 * same level. Order: --database-url, --data, DATABASE_URL, PRIMER_DATA, ./primer-data.
 * @example resolveDatabaseConfig({ environment: process.env }) // { kind: 'pglite', dataDir: '/app/primer-data' }
 */
export function resolveDatabaseConfig(sources: DatabaseConfigSources): DatabaseConfig {
  const environment = sources.environment ?? {};
  const cwd = sources.cwd ?? process.cwd();
  const nonEmpty = (value: string | undefined) => (value && value.trim() !== '' ? value.trim() : undefined);
  const url = nonEmpty(sources.databaseUrl);
  if (url) return postgresConfig(url, '--database-url');
  const data = nonEmpty(sources.data);
  if (data) return { kind: 'pglite', dataDir: path.resolve(cwd, data) };
  const environmentUrl = nonEmpty(environment.DATABASE_URL);
  if (environmentUrl) return postgresConfig(environmentUrl, 'DATABASE_URL');
  return { kind: 'pglite', dataDir: path.resolve(cwd, nonEmpty(environment.PRIMER_DATA) ?? defaultDataDir) };
}

function postgresConfig(url: string, source: string): DatabaseConfig {
  const parsed = databaseConfigSchema.safeParse({ kind: 'postgres', url });
  if (parsed.success) return parsed.data;
  const scheme = url.includes('://') ? `${url.split('://')[0]}://…` : 'no scheme'; // never echo a password
  throw new Error(`${source} must be a PostgreSQL URL that starts with postgres:// or postgresql://, e.g. postgres://user@host:5432/primer (got ${scheme})`);
}

/** The config as a person should see it: the URL without its password. */
export function describeDatabaseConfig(config: DatabaseConfig): string {
  if (config.kind === 'pglite') return config.dataDir ? `PGlite data folder ${config.dataDir}` : 'PGlite in memory';
  try {
    const url = new URL(config.url);
    if (url.password) url.password = '***';
    return `PostgreSQL ${url.toString()}`;
  } catch {
    return 'PostgreSQL (unparseable URL)';
  }
}
