// One process at a time in a PGlite data folder. PGlite has no lock of its own, and two processes
// writing one folder corrupt it: a server and `primer db migrate`, or two servers. Whoever opens the
// folder claims it with a file holding its process id, created only if absent; a claim left by a
// process that no longer runs is taken over.
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const lockFileName = 'primer.pid';

/**
 * Claims `dataDir` (which must exist) for this process; resolves to the function that lets it go.
 * `takeOver`: write this process's claim whatever is there (a folder just restored from a backup holds
 * the claim of the process the backup was taken from).
 */
export async function lockDataFolder(dataDir: string, { takeOver = false } = {}): Promise<() => Promise<void>> {
  const lockFile = path.join(dataDir, lockFileName);
  if (takeOver) {
    await writeFile(lockFile, `${process.pid}\n`);
    return () => rm(lockFile, { force: true });
  }
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await writeFile(lockFile, `${process.pid}\n`, { flag: 'wx' });
      return () => rm(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number.parseInt(await readFile(lockFile, 'utf8').catch(() => ''), 10);
    if (Number.isInteger(holder) && holder > 0 && isRunning(holder)) throw inUse(dataDir, holder);
    await rm(lockFile, { force: true }); // left by a process that stopped without letting go
  }
  throw inUse(dataDir); // another process keeps taking it over at the same moment
}

const inUse = (dataDir: string, holder?: number) =>
  new Error(`another Primer${holder ? ` (process ${holder})` : ''} is using the data folder ${dataDir}; stop it first, pass another --data folder, or use PostgreSQL (DATABASE_URL) to run several servers`);

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0 only checks that the process exists
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // exists, but belongs to another user
  }
}
