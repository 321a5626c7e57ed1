// Watches a child process through /proc (Linux): resident memory now and at its peak, and CPU time used.
import { readFile } from 'node:fs/promises';

export interface ProcessSample {
  /** Resident set size now (bytes). */
  rssBytes: number;
  /** Peak resident set size since the process started (VmHWM, bytes). */
  peakRssBytes: number;
  /** User + system CPU time since the process started (seconds). */
  cpuSeconds: number;
}

const clockTicksPerSecond = 100; // USER_HZ on Linux

/** Reads one sample; undefined once the process has gone. */
export async function sampleProcess(pid: number): Promise<ProcessSample | undefined> {
  try {
    const [status, stat] = await Promise.all([readFile(`/proc/${pid}/status`, 'utf8'), readFile(`/proc/${pid}/stat`, 'utf8')]);
    const kilobytes = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
    // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cpuTicks = Number(fields[11]) + Number(fields[12]);
    return { rssBytes: kilobytes('VmRSS'), peakRssBytes: kilobytes('VmHWM'), cpuSeconds: cpuTicks / clockTicksPerSecond };
  } catch {
    return undefined;
  }
}

/** Samples every `intervalMs` and keeps the highest RSS seen; `stop()` returns it with the last sample. */
export function watchProcess(pid: number, intervalMs = 500) {
  let highestRssBytes = 0;
  let last: ProcessSample | undefined;
  const take = async () => {
    const sample = await sampleProcess(pid);
    if (!sample) return;
    last = sample;
    highestRssBytes = Math.max(highestRssBytes, sample.rssBytes, sample.peakRssBytes);
  };
  const timer = setInterval(() => void take(), intervalMs);
  void take();
  return {
    latest: () => last,
    async stop() {
      clearInterval(timer);
      await take();
      return { highestRssBytes, last };
    },
  };
}
