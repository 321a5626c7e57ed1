import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { migrations, openDatabase, openStore, openTestDatabase, recordErasure, openTimeoutMs, systemClock, testBackends, testPostgresUrl, writeBackup, type OpenedDatabase } from '../../store/index.js';
import { main } from '../index.js';

const postgres = (await testBackends()).find((backend) => backend.name === 'postgres')!;

async function runMigrate(...args: string[]): Promise<{ code: number; output: string }> {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  try {
    const code = await main(['node', 'primer', 'db', 'migrate', ...args]);
    return { code, output: log.mock.calls.map((call) => call.join(' ')).join('\n') };
  } finally {
    log.mockRestore();
  }
}

async function runRestore(...args: string[]): Promise<{ code: number; output: string; errors: string }> {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  const error = vi.spyOn(console, 'error').mockImplementation(() => {});
  try {
    const code = await main(['node', 'primer', 'db', 'restore', ...args]);
    return { code, output: log.mock.calls.map((call) => call.join(' ')).join('\n'), errors: error.mock.calls.map((call) => call.join(' ')).join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

describe('primer db migrate', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'primer-db-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('creates a PGlite data folder with every table, then reports it up to date', async () => {
    const data = path.join(dir, 'primer-data');
    const first = await runMigrate('--data', data);
    expect(first.code).toBe(0);
    const names = Object.keys(migrations);
    expect(first.output).toContain(`applied ${names.length} migration(s) to PGlite data folder`);
    expect(first.output).toMatch(new RegExp(`primer-data: ${names.join(', ')}$`, 'm'));
    const again = await runMigrate('--data', data);
    expect(again.output).toContain(`is up to date (${names.length} migrations)`);

    const database = await openDatabase({ kind: 'pglite', dataDir: data });
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      expect(await database.db.selectFrom('events').select('id').execute()).toEqual([]);
      // While a server has the folder open, migrating it would corrupt it: refused, saying why.
      expect((await runMigrate('--data', data)).code).toBe(1);
      expect(error.mock.calls.flat().join(' ')).toContain(`another Primer (process ${process.pid}) is using the data folder ${data}; stop it first`);
    } finally {
      error.mockRestore();
      await database.close();
    }
  }, openTimeoutMs * 2); // creates and reopens a PGlite folder

  it.skipIf(!postgres.available)('migrates the PostgreSQL given by --database-url', async () => {
    const owner: OpenedDatabase = await openTestDatabase('postgres', { migrate: false }); // an empty schema, dropped afterwards
    try {
      const url = `${testPostgresUrl}?options=${encodeURIComponent(`-c search_path=${owner.schema}`)}`;
      const { code, output } = await runMigrate('--database-url', url);
      expect(code).toBe(0);
      expect(output).toContain(`applied ${Object.keys(migrations).length} migration(s) to PostgreSQL`);
      expect(await owner.db.selectFrom('snapshots').selectAll().execute()).toEqual([]);
    } finally {
      await owner.close();
    }
  });

  it('restores a backup into a new data folder, erases again the learners erased since, and refuses a folder in use or a file that is not there', async () => {
    const source = await openStore({ kind: 'pglite', dataDir: path.join(dir, 'source') }, { parseEvent: (_type, payload) => payload });
    const backups = path.join(dir, 'backups');
    let backup: string;
    try {
      for (const learner of ['ada', 'bea']) await source.appendEvents({ learner, course: 'calculus', courseVersion: 'v1', events: [{ type: 'attempt', payload: { exercise: 'e1', correct: true } }] });
      backup = (await writeBackup(source, backups, { keep: 7, clock: systemClock })).file;
    } finally {
      await source.close();
    }
    await recordErasure(backups, 'bea', new Date()); // bea deleted her account after the backup
    const restored = path.join(dir, 'restored');
    const first = await runRestore(backup, '--data', restored);
    expect(first.code).toBe(0);
    expect(first.output).toBe(`restored ${backup} into PGlite data folder ${restored}: 0 accounts, 1 learners, 1 events\nerased again the 1 learner(s) listed in ${path.join(backups, 'erased-learners.txt')}`);
    const database = await openDatabase({ kind: 'pglite', dataDir: restored });
    try {
      expect(await database.db.selectFrom('erased_learners').select('learner').execute()).toEqual([{ learner: 'bea' }]); // nothing is stored for her again
    } finally {
      await database.close();
    }
    const again = await runRestore(backup, '--data', restored);
    expect(again.code).toBe(1);
    expect(again.errors).toContain(`will not restore a backup into ${restored}: the folder is not empty`);
    const missing = await runRestore(path.join(dir, 'nothing.tar.gz'), '--data', path.join(dir, 'other'));
    expect(missing.errors).toContain(`cannot read the backup ${path.join(dir, 'nothing.tar.gz')}: no such file`);
  }, openTimeoutMs * 3);

  it('explains a database URL that is not PostgreSQL', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      expect(await main(['node', 'primer', 'db', 'migrate', '--database-url', 'mysql://db/primer'])).toBe(1);
      expect(error.mock.calls.flat().join(' ')).toMatch(/starts with postgres:\/\//);
    } finally {
      error.mockRestore();
    }
  });
});
