// Child process of `npm run bench -- serve`: one Primer server, started with `startServer` exactly as
// `primer serve` does, serving the sample course with guests allowed. Its settings arrive as JSON in
// argv[2] (ServerProcessSettings); it answers { url } over IPC once listening and { stopped } after { stop }.
// With `profileDir`, it profiles its CPU from ready to stop (start-up left out) into a .cpuprofile there.
// Asked { stats }, it answers { stats: ServerHealth }: how long its event loop and its garbage collector
// held up the requests it was serving, since ready.
import { mkdir, writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { startServer } from '../../src/server/start-server.js';

export interface ServerProcessSettings {
  /** The sample course folder. */
  course: string;
  /** primer.config.yaml pointing every tier at the instant model. */
  config: string;
  /** A folder without index.html, so no web app is built. */
  web: string;
  /** PGlite data folder; or */
  data?: string;
  /** PostgreSQL URL. */
  databaseUrl?: string;
  /** Where to write the CPU profile of the load (none when absent). */
  profileDir?: string;
}

/** How much the server's own thread held requests up while serving them. */
export interface ServerHealth {
  /** Event loop delay: how late a timer set for every `loopResolutionMs` ran (p99 and worst). */
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  /** Garbage collection pauses: p99, the longest, and their share of the time since ready. */
  gcPauseP99Ms: number;
  gcPauseMaxMs: number;
  gcShare: number;
}

const loopResolutionMs = 5;

const settings = JSON.parse(process.argv[2] ?? '{}') as ServerProcessSettings;
const server = await startServer({
  course: [settings.course],
  config: settings.config,
  ...(settings.data ? { data: settings.data } : {}),
  environment: settings.databaseUrl ? { DATABASE_URL: settings.databaseUrl } : {},
  port: 0,
  web: { built: settings.web },
  log: () => {},
  // 2,000 guests sign in from one address: the per-address sign-in limit and the per-account request
  // limit are lifted through the server's own options; the per-learner turn limit stays at its default.
  app: { limits: { signInPerMinute: 1_000_000, requestsPerMinute: 1_000_000 } },
  backups: false, // a server backs up a fresh data folder right after start, and then once a day: not part of a few minutes' load
});
const profiler = settings.profileDir ? new Session() : undefined;
if (profiler) {
  profiler.connect();
  await profiler.post('Profiler.enable');
  await profiler.post('Profiler.setSamplingInterval', { interval: 1000 });
  await profiler.post('Profiler.start');
}
const loopDelay = monitorEventLoopDelay({ resolution: loopResolutionMs });
const gcPauses: number[] = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcPauses.push(entry.duration);
}).observe({ entryTypes: ['gc'] });
const readyAt = performance.now();
loopDelay.enable();
process.send?.({ url: server.url });
process.on('message', (message: { stop?: boolean; stats?: boolean }) => {
  if (message.stats) {
    const pauses = [...gcPauses].sort((a, b) => a - b);
    const late = (nanoseconds: number) => Math.max(0, nanoseconds / 1e6 - loopResolutionMs); // the histogram holds whole intervals
    const stats: ServerHealth = {
      loopDelayP99Ms: late(loopDelay.percentile(99)),
      loopDelayMaxMs: late(loopDelay.max),
      gcPauseP99Ms: pauses[Math.floor(pauses.length * 0.99)] ?? 0,
      gcPauseMaxMs: pauses.at(-1) ?? 0,
      gcShare: pauses.reduce((sum, pause) => sum + pause, 0) / (performance.now() - readyAt),
    };
    process.send?.({ stats });
    return;
  }
  if (!message.stop) return;
  void (async () => {
    if (profiler && settings.profileDir) {
      const { profile } = await profiler.post('Profiler.stop');
      await mkdir(settings.profileDir, { recursive: true });
      await writeFile(path.join(settings.profileDir, `server-${process.pid}.cpuprofile`), JSON.stringify(profile));
    }
    await server.close();
    process.send?.({ stopped: true });
    process.exit(0);
  })();
});
