import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockFileName } from './lock-data-folder.js';
import { openDatabase } from './open-database.js';
import { openStore } from './open-store.js';
import { openTimeoutMs } from './open-test-database.js';
import type { Store } from './create-store.js';
import { parseTestEvent } from './test-events.js';
import { newestBackupTime, writeBackup } from './write-backup.js';

describe('backups of a PGlite data folder', () => {
  let dir: string;
  let store: Store;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'primer-backup-'));
    store = await openStore({ kind: 'pglite', dataDir: path.join(dir, 'data') }, { parseEvent: parseTestEvent });
  }, openTimeoutMs);
  afterAll(async () => {
    await store?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const at = (time: string) => ({ now: () => new Date(time) });
  const practise = (learner: string, count: number) =>
    store.appendEvents({ learner, course: 'calculus', courseVersion: 'v1', events: Array.from({ length: count }, (_, index) => ({ type: 'attempt', payload: { exercise: `e${index}`, correct: index % 2 === 0 } })) });

  it('writes a whole copy while the store is in use, keeps the newest, and restores into an empty folder', async () => {
    const backups = path.join(dir, 'backups');
    expect(await newestBackupTime(backups)).toBeUndefined();
    await mkdir(backups);
    await writeFile(path.join(backups, 'notes.txt'), 'the operator’s own file'); // left alone
    await practise('ada', 3);
    await writeBackup(store, backups, { keep: 2, clock: at('2026-03-01T02:00:00Z') });
    await practise('ada', 2);
    await writeBackup(store, backups, { keep: 2, clock: at('2026-03-02T02:00:00Z') });
    await practise('bea', 1); // after the last backup: not in it
    const newest = await writeBackup(store, backups, { keep: 2, clock: at('2026-03-03T02:00:00.250Z') });
    await practise('cy', 4);
    expect((await readdir(backups)).sort()).toEqual(['notes.txt', 'primer-backup-20260302T020000Z.tar.gz', 'primer-backup-20260303T020000Z.tar.gz']);
    expect(newest).toEqual({ file: path.join(backups, 'primer-backup-20260303T020000Z.tar.gz'), bytes: (await readFile(newest.file)).length });
    expect(await newestBackupTime(backups)).toBeInstanceOf(Date);

    const restoredDir = path.join(dir, 'restored');
    const restored = await openStore({ kind: 'pglite', dataDir: restoredDir }, { parseEvent: parseTestEvent }, { restoreFrom: new Uint8Array(await readFile(newest.file)) });
    try {
      const events = await restored.db.selectFrom('events').select(['learner']).orderBy('sequence').execute();
      expect(events.map((event) => event.learner)).toEqual(['ada', 'ada', 'ada', 'ada', 'ada', 'bea']);
      // The archive holds the claim of the process it was taken from; the restoring process holds the folder now.
      expect((await readFile(path.join(restoredDir, lockFileName), 'utf8')).trim()).toBe(String(process.pid));
    } finally {
      await restored.close();
    }
    await expect(readFile(path.join(restoredDir, lockFileName))).rejects.toThrow(/ENOENT/);
    await expect(openDatabase({ kind: 'pglite', dataDir: restoredDir }, { restoreFrom: new Uint8Array(await readFile(newest.file)) })).rejects.toThrow(`will not restore a backup into ${restoredDir}: the folder is not empty`);
  }, openTimeoutMs * 3);

  it('writes nothing when the copy fails, and says why; PostgreSQL is backed up with its own tools', async () => {
    const backups = path.join(dir, 'failing');
    await expect(writeBackup({ dumpDataFolder: () => Promise.reject(new Error('the database thread stopped')) }, backups, { keep: 2, clock: at('2026-03-04T02:00:00Z') })).rejects.toThrow('the database thread stopped');
    expect(await readdir(backups).catch(() => [])).toEqual([]);
    await expect(writeBackup({}, backups, { keep: 2, clock: at('2026-03-04T02:00:00Z') })).rejects.toThrow('back up PostgreSQL with pg_dump');
  });
});
