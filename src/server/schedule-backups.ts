// Backups of the embedded database while the server runs (src/store/write-backup.ts): one soon after
// start when the newest is older than the interval (or there is none), then one every interval. A
// failed backup is logged and the server goes on; the next one is tried at the next interval.
import path from 'node:path';
import { newestBackupTime, writeBackup, type Clock, type Store, type WrittenBackup } from '../store/index.js';
import type { PrometheusMetrics } from './metrics/index.js';
import { shownPath } from './shown-path.js';

export interface BackupSchedule {
  /** Where backups go. */
  folder: string;
  everyHours: number;
  /** How many of the newest backups are kept. */
  keep: number;
}

export const defaultBackupSchedule = { everyHours: 24, keep: 7 };

export interface ScheduledBackups {
  /** Takes a backup now (waits for one under way instead of starting a second). */
  run(): Promise<WrittenBackup | undefined>;
  /** Stops the schedule and waits for a backup under way. */
  stop(): Promise<void>;
}

export function scheduleBackups(
  store: Pick<Store, 'dumpDataFolder'>,
  schedule: BackupSchedule,
  { clock, log, cwd, metrics }: { clock: Clock; log: (line: string) => void; cwd: string; metrics?: Pick<PrometheusMetrics, 'backup'> },
): ScheduledBackups {
  const intervalMs = schedule.everyHours * 3_600_000;
  let running: Promise<WrittenBackup | undefined> | undefined;
  let stopped = false;
  const run = () =>
    (running ??= writeBackup(store, schedule.folder, { keep: schedule.keep, clock })
      .then(
        (written) => {
          log(`Backed up the data folder to ${shownPath(cwd, written.file)} (${(written.bytes / 1_000_000).toFixed(1)} MB)`);
          metrics?.backup({ written: { bytes: written.bytes, at: clock.now() } });
          return written;
        },
        (error: Error) => {
          log(`Backing up the data folder failed: ${error.message}. The next try is in ${schedule.everyHours} h.`);
          metrics?.backup({ failed: true });
          return undefined;
        },
      )
      .finally(() => (running = undefined)));
  const timer = setInterval(() => void run(), Math.min(intervalMs, 2 ** 31 - 1)); // a timer cannot wait longer (24.8 days): it would fire at once
  timer.unref();
  const first = newestBackupTime(schedule.folder).then((newest) => {
    if (!stopped && (!newest || clock.now().getTime() - newest.getTime() >= intervalMs)) void run();
  });
  return {
    run,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await first;
      await running;
    },
  };
}
