import { describe, expect, it } from 'vitest';
import { describeDatabaseConfig, resolveDatabaseConfig } from './database-config.js';

describe('resolveDatabaseConfig', () => {
  const cwd = '/srv/primer';

  it('defaults to a PGlite data folder ./primer-data', () => {
    expect(resolveDatabaseConfig({ cwd })).toEqual({ kind: 'pglite', dataDir: '/srv/primer/primer-data' });
  });

  it('uses DATABASE_URL when set, and PRIMER_DATA otherwise', () => {
    expect(resolveDatabaseConfig({ cwd, environment: { DATABASE_URL: 'postgres://db/primer', PRIMER_DATA: 'x' } })).toEqual({ kind: 'postgres', url: 'postgres://db/primer' });
    expect(resolveDatabaseConfig({ cwd, environment: { PRIMER_DATA: 'state', DATABASE_URL: ' ' } })).toEqual({ kind: 'pglite', dataDir: '/srv/primer/state' });
  });

  it('lets flags beat the environment', () => {
    const environment = { DATABASE_URL: 'postgres://db/primer', PRIMER_DATA: 'state' };
    expect(resolveDatabaseConfig({ cwd, environment, data: '/tmp/here' })).toEqual({ kind: 'pglite', dataDir: '/tmp/here' });
    expect(resolveDatabaseConfig({ cwd, environment, data: 'x', databaseUrl: 'postgresql://other/db' })).toEqual({ kind: 'postgres', url: 'postgresql://other/db' });
  });

  it('rejects a URL that is not PostgreSQL, saying what one looks like', () => {
    expect(() => resolveDatabaseConfig({ databaseUrl: 'mysql://root:secret@db/primer' })).toThrow(/^--database-url must be a PostgreSQL URL that starts with postgres:\/\/.*\(got mysql:\/\/…\)$/);
    expect(() => resolveDatabaseConfig({ environment: { DATABASE_URL: 'db:5432' } })).toThrow(/^DATABASE_URL must be/);
  });

  it('hides the password when describing the database', () => {
    expect(describeDatabaseConfig({ kind: 'postgres', url: 'postgres://primer:secret@db:5432/primer' })).toBe('PostgreSQL postgres://primer:***@db:5432/primer');
    expect(describeDatabaseConfig({ kind: 'pglite', dataDir: null })).toBe('PGlite in memory');
  });
});
