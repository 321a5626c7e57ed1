import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockFileName } from './lock-data-folder.js';
import { openDatabase, type OpenedDatabase } from './open-database.js';
import { openTestDatabase, openTimeoutMs, testBackends } from './open-test-database.js';

const backends = await testBackends();

describe.each(backends)('values read back on $name', (backend) => {
  let database: OpenedDatabase;
  beforeAll(async () => {
    if (backend.available) database = await openTestDatabase(backend.name, { migrate: false });
  }, openTimeoutMs);
  afterAll(async () => database?.close());

  it.skipIf(!backend.available)('come back as JavaScript values of the same kind, arrays included', async () => {
    const { rows } = await sql<Record<string, unknown>>`
      select 7::int4 as count, 2.5::float8 as ratio, true as flag, '2026-02-01T09:00:00Z'::timestamptz as at,
             '{"a": [1, "b"]}'::jsonb as document, array['x', 'y']::text[] as words, array[1, 2]::int4[] as numbers,
             array['0190a0a0-0000-7000-8000-000000000001']::uuid[] as ids, array['{"k": 1}']::jsonb[] as documents`.execute(database.db);
    expect(rows[0]).toEqual({ count: 7, ratio: 2.5, flag: true, at: new Date('2026-02-01T09:00:00Z'), document: { a: [1, 'b'] }, words: ['x', 'y'], numbers: [1, 2], ids: ['0190a0a0-0000-7000-8000-000000000001'], documents: [{ k: 1 }] });
  });
});

describe('a PGlite data folder', () => {
  it('is used by one process at a time: a second open is refused, saying by whom, until the first closes', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'primer-lock-'));
    try {
      const first = await openDatabase({ kind: 'pglite', dataDir });
      await expect(openDatabase({ kind: 'pglite', dataDir })).rejects.toThrow(`another Primer (process ${process.pid}) is using the data folder ${dataDir}; stop it first`);
      expect((await sql<{ one: number }>`select 1 as one`.execute(first.db)).rows).toEqual([{ one: 1 }]); // the first is unharmed
      await first.close();
      const second = await openDatabase({ kind: 'pglite', dataDir });
      await second.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, openTimeoutMs);

  it('is taken over from a process that stopped without letting go', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'primer-lock-'));
    try {
      const stopped = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
      await writeFile(path.join(dataDir, lockFileName), `${stopped.stdout}\n`);
      const opened = await openDatabase({ kind: 'pglite', dataDir });
      expect((await readFile(path.join(dataDir, lockFileName), 'utf8')).trim()).toBe(String(process.pid));
      await opened.close();
      await expect(readFile(path.join(dataDir, lockFileName), 'utf8')).rejects.toThrow(/ENOENT/); // let go on close
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, openTimeoutMs);
});
