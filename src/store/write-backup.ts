// Backups of a PGlite data folder while Primer runs: the store's consistent copy of the folder
// (a gzipped tar) written to a backup folder as primer-backup-<time>.tar.gz, the newest `keep`
// kept. A backup is written under a temporary name and renamed, so a backup that is there is whole.
// To restore one, stop Primer and unpack it into an empty data folder (docs/deployment.md).
// Beside the backups, erased-learners.txt lists every learner erased while backups were on, so a
// restore erases again those an older backup still holds.
import { appendFile, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Store } from './create-store.js';
import type { Clock } from './stored-event.js';

const backupName = /^primer-backup-(\d{8}T\d{6}Z)\.tar\.gz$/;

export interface WrittenBackup {
  file: string;
  bytes: number;
}

/** Writes a backup of the store's data folder into `folder` and removes all but the newest `keep`. */
export async function writeBackup(store: Pick<Store, 'dumpDataFolder'>, folder: string, options: { keep: number; clock: Clock }): Promise<WrittenBackup> {
  if (!store.dumpDataFolder) throw new Error('only an embedded PGlite database is backed up by Primer; back up PostgreSQL with pg_dump');
  const archive = await store.dumpDataFolder();
  await mkdir(folder, { recursive: true });
  const stamp = options.clock.now().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const file = path.join(folder, `primer-backup-${stamp}.tar.gz`);
  const partial = `${file}.partial`;
  await writeFile(partial, archive);
  await rename(partial, file);
  const older = (await listBackups(folder)).slice(0, -Math.max(1, options.keep));
  for (const name of older) await rm(path.join(folder, name), { force: true });
  return { file, bytes: archive.byteLength };
}

/** When the newest backup in `folder` was written, or undefined when there is none. */
export async function newestBackupTime(folder: string): Promise<Date | undefined> {
  const newest = (await listBackups(folder)).at(-1);
  return newest ? (await stat(path.join(folder, newest))).mtime : undefined;
}

/** The backups in `folder`, oldest first (their names sort by time). */
async function listBackups(folder: string): Promise<string[]> {
  const names = await readdir(folder).catch(() => [] as string[]);
  return names.filter((name) => backupName.test(name)).sort();
}

/** The file in a backup folder that lists the erased learners, one `<time> <learner id>` line each. */
export const erasureListName = 'erased-learners.txt';

/** Adds an erased learner to the backup folder's list (the list outlives the data folder, as the backups do). */
export async function recordErasure(folder: string, learner: string, at: Date): Promise<void> {
  await mkdir(folder, { recursive: true });
  await appendFile(path.join(folder, erasureListName), `${at.toISOString()} ${learner}\n`);
}

/** The learners listed in the backup folder's erasure list (none when there is no list). */
export async function readErasures(folder: string): Promise<string[]> {
  const text = await readFile(path.join(folder, erasureListName), 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '';
    throw error;
  });
  return [...new Set(text.split('\n').flatMap((line) => line.trim().split(/\s+/).slice(1, 2)))];
}
