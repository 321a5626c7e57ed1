// The whole Primer server in one process: the store (migrated), the courses from their folders
// (published, watched, republished on change), the model router, tutors, metrics, the web app,
// and the HTTP listener. `primer serve` and `npm start` call it; tests call it on port 0.
//
// Several processes may run against one PostgreSQL: migrations are safe to run concurrently and
// every piece of learner state lives in the database. What stays per process: model budgets
// (the router's in-memory ledger), rate limits and the one-time setup link.
import { existsSync, watch } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, type HttpBindings, type ServerType } from '@hono/node-server';
import type { CourseBundle } from '../course/index.js';
import { createSandbox } from '../exercise/index.js';
import { createTranslator } from '../i18n/index.js';
import { parseEventPayload, type EventType } from '../learner/index.js';
import { createRouter, loadModelConfig } from '../models/index.js';
import { describeDatabaseConfig, openStore, recordErasure, resolveDatabaseConfig, systemClock, type WrittenBackup } from '../store/index.js';
import { createTutor, type Tutor } from '../tutor/index.js';
import { createAccounts } from './auth/accounts.js';
import { hashToken, newToken } from './auth/tokens.js';
import { courseFolderPublisher, findCourseFolders, listCourseFolders } from './course-folders.js';
import { createCourseCatalog } from './courses/course-catalog.js';
import { createApp, type AppOptions } from './create-app.js';
import { createPrometheusMetrics, recordModelCallMetrics, type PrometheusMetrics } from './metrics/index.js';
import { defaultBackupSchedule, scheduleBackups, type BackupSchedule, type ScheduledBackups } from './schedule-backups.js';
import { defaultServerLimits, type ServerContext, type ServerLimits } from './server-context.js';
import { createStoreJournal } from './tutoring/store-journal.js';
import { createStoreModelCallRecorder } from './tutoring/store-model-call-recorder.js';
import { createStoreTranslationCache } from './tutoring/store-translation-cache.js';
import { watchCourseFolder, type WatchedCourse } from './watch-course-folder.js';
import { buildWebApp, type WebAppSource } from './web-assets/index.js';
import { shownPath } from './shown-path.js';

const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface StartServerOptions {
  /** A folder of course folders (each holding course.yaml), or one course folder. Default: the repository's courses/. */
  courses?: string;
  /** Course folders to serve instead of `courses`. */
  course?: string[];
  /** PGlite data folder; otherwise DATABASE_URL, PRIMER_DATA or ./primer-data (see resolveDatabaseConfig). */
  data?: string;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 3000; 0 picks a free port. */
  port?: number;
  /** primer.config.yaml with the model settings; none found means no-model mode. */
  config?: string;
  /** Whether visitors may start the served courses as guests, without an account. Default true. */
  guest?: boolean;
  /** The public URL people reach this server at, for links (setup, invitations). Default: http://host:port. */
  origin?: string;
  /** The web app: a folder with vite.config.ts, built when out of date (default: the repository's web/), or an already built folder. */
  web?: { dir: string } | { built: string };
  /** Where DATABASE_URL, PRIMER_DATA, PRIMER_CONFIG and the model variables are read from; the CLI passes process.env. */
  environment?: Record<string, string | undefined>;
  /** Base for relative paths; default the working directory. */
  cwd?: string;
  /** Where the server's lines go (the URL, the setup link, course updates); default console.log. */
  log?: (line: string) => void;
  limits?: Partial<ServerLimits>;
  app?: Omit<AppOptions, 'setupTokenHash' | 'guestMode' | 'metrics' | 'webApp' | 'clientAddress'>;
  /**
   * Behind a reverse proxy: take the client's address from X-Real-IP, else the last X-Forwarded-For
   * entry (the one the proxy added). Off by default, since anyone can send those headers.
   */
  trustProxy?: boolean;
  /** Debounce for course folder changes (ms). */
  watchDebounceMs?: number;
  /**
   * Backups of a PGlite data folder while the server runs (schedule-backups.ts): by default every 24 h
   * into `<data folder>-backups`, the newest 7 kept; false turns them off. PostgreSQL is backed up with its own tools.
   */
  backups?: Partial<BackupSchedule> | false;
}

export interface RunningServer {
  /** Where the server listens, e.g. http://127.0.0.1:3000 (no trailing slash). */
  url: string;
  /** The public origin used in links. */
  origin: string;
  /** The one-time admin setup link, printed when the database has no admin yet. */
  setupLink?: string;
  context: ServerContext;
  /** With PGlite backups on: takes a backup now. */
  backUp?: () => Promise<WrittenBackup | undefined>;
  metrics: PrometheusMetrics;
  /** Stops listening (letting open requests finish for a few seconds), the watchers, the sandbox and the store. */
  close(): Promise<void>;
}

export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const environment = options.environment ?? {};
  const cwd = options.cwd ?? process.cwd();
  const log = options.log ?? ((line: string) => console.log(line));
  const guest = options.guest ?? true;
  const host = options.host ?? '127.0.0.1';

  const { folders, root: coursesRoot } = await findCourseFolders(options, cwd);
  const databaseConfig = resolveDatabaseConfig({ data: options.data, environment, cwd });

  // Listen first: a port in use fails before the database is touched. Until the server is ready, every request gets a 503.
  let handle = (_request: Request, _bindings: HttpBindings): Response | Promise<Response> => Response.json({ error: 'Primer is starting; try again in a few seconds' }, { status: 503, headers: { 'retry-after': '5' } });
  const socketAddresses = new WeakMap<Request, string>(); // for rate limits per address
  const server = await listen(
    (request, bindings) => {
      const address = bindings.incoming.socket.remoteAddress;
      if (address) socketAddresses.set(request, address);
      return handle(request, bindings);
    },
    host,
    options.port ?? 3000,
  );
  const clientAddress = (request: Request) => (options.trustProxy ? forwardedAddress(request) : undefined) ?? socketAddresses.get(request) ?? 'unknown';
  const closers: (() => unknown)[] = []; // closed in reverse, after the listener has stopped
  let closing: Promise<void> | undefined;
  const closeAll = () =>
    (closing ??= (async () => {
      for (const close of [() => stopListening(server), ...[...closers].reverse()]) await Promise.resolve().then(close).catch((error: Error) => log(`While stopping: ${error.message}`));
    })());
  const port = (server.address() as AddressInfo).port;
  const url = `http://${displayHost(host)}:${port}`;
  const origin = (options.origin ?? url).replace(/\/+$/, '');

  try {
    const webApp = await resolveWebApp(options, cwd, log);
    const store = await openStore(databaseConfig, { parseEvent: (type, payload) => parseEventPayload(type as EventType, payload) });
    closers.push(() => store.close());
    log(`Database: ${describeDatabaseConfig(databaseConfig)}`);
    const metrics = createPrometheusMetrics();
    const modelEnvironment = options.data ? { ...environment, PRIMER_DATA: path.resolve(cwd, options.data) } : environment; // models live beside the data
    const loaded = await loadModelConfig({ ...(options.config ? { configPath: options.config } : {}), env: modelEnvironment, cwd });
    for (const problem of loaded.errors) log(`${problem.path}:${problem.line}:${problem.column}: ${problem.message} (${problem.hint})`);
    if (loaded.errors.length > 0) log('The model settings have errors, so Primer runs in no-model mode until they are fixed.');
    else if (loaded.notice) log(loaded.notice);
    const modelCalls = createStoreModelCallRecorder(store, { batchMs: 1000 }); // one insert for all the calls of a second
    closers.push(() => modelCalls.flush()); // before the store closes
    const router = createRouter({ config: loaded.config, apiKeys: loaded.apiKeys, recorder: recordModelCallMetrics(metrics, modelCalls) });
    const sandbox = createSandbox();
    closers.push(() => sandbox.close());

    const clock = { now: () => new Date() };
    const random = Math.random;
    const translationCache = createStoreTranslationCache(store);
    const tutors = new Map<string, Tutor>(); // by content hash: one per course version
    const tutorFor = (bundle: CourseBundle): Tutor => {
      let tutor = tutors.get(bundle.public.hash);
      if (!tutor) {
        const translator = createTranslator({ router, cache: translationCache, glossary: bundle.public.course.glossary, course: bundle.public.course.id });
        tutor = createTutor({ course: bundle, router, journal: createStoreJournal(store, bundle), translator, sandbox, clock, random });
        tutors.set(bundle.public.hash, tutor);
      }
      return tutor;
    };
    const backupSchedule =
      options.backups !== false && databaseConfig.kind === 'pglite' && databaseConfig.dataDir
        ? { ...defaultBackupSchedule, ...options.backups, folder: path.resolve(cwd, options.backups?.folder ?? `${databaseConfig.dataDir}-backups`) }
        : undefined;
    // Erased learners are listed beside the backups, so restoring an older backup erases them again.
    const onErased = backupSchedule
      ? (id: string) => recordErasure(backupSchedule.folder, id, clock.now()).catch((error: Error) => log(`Could not list erased learner ${id} in ${shownPath(cwd, backupSchedule.folder)}: ${error.message}. Restoring a backup taken before now would bring them back.`))
      : undefined;
    const accounts = createAccounts(store.db, clock, onErased ? { onErased } : {});
    const catalog = createCourseCatalog(store.db);
    const guestCourses = new Set<string>();
    const context: ServerContext = {
      store,
      accounts,
      catalog,
      router,
      sandbox,
      clock,
      random,
      tutorFor,
      guestCourses,
      courseChecks: new Map(),
      origin,
      limits: { ...defaultServerLimits, ...options.limits },
      metrics,
    };

    const served = new Set<string>();
    const serveFolder = async (folder: string) => {
      served.add(folder);
      const publish = courseFolderPublisher({ folder, catalog, context, guest, cwd, log });
      const watched: WatchedCourse = await watchCourseFolder(folder, publish, options.watchDebounceMs);
      closers.push(() => watched.close());
    };
    for (const folder of folders) await serveFolder(folder);
    if (folders.length === 0) log('No course folders to serve yet; add one (a folder with course.yaml) to the courses folder, or upload a built course in the web app.');
    // A course folder added to the courses folder while the server runs is served from then on.
    if (coursesRoot) {
      let timer: NodeJS.Timeout | undefined;
      let stopped = false;
      const watcher = watch(coursesRoot, { recursive: true }, () => {
        clearTimeout(timer);
        timer = setTimeout(async () => {
          for (const folder of await listCourseFolders(coursesRoot).catch(() => [])) {
            if (stopped || served.has(folder)) continue;
            log(`New course folder ${shownPath(cwd, folder)}`);
            await serveFolder(folder).catch((error: Error) => log(`Could not serve ${folder}: ${error.message}`));
          }
        }, options.watchDebounceMs ?? 100);
      });
      closers.push(async () => {
        stopped = true;
        clearTimeout(timer);
        watcher.close();
      });
    }

    const setupToken = (await accounts.hasAdmin()) ? undefined : newToken(); // only its hash is kept
    const app = createApp(context, { ...options.app, clientAddress, guestMode: guest, metrics, webApp, ...(setupToken ? { setupTokenHash: hashToken(setupToken) } : {}) });
    handle = app.fetch;

    let backups: ScheduledBackups | undefined;
    if (backupSchedule) {
      // once the courses are published, so the first backup has them
      backups = scheduleBackups(store, backupSchedule, { clock: systemClock, log, cwd, metrics });
      closers.push(() => backups!.stop()); // before the store closes
      log(`Backups: every ${backupSchedule.everyHours} h into ${shownPath(cwd, backupSchedule.folder)}, the newest ${backupSchedule.keep} kept`);
    }
    log(`Primer is running at ${origin === url ? url : `${url} (public address ${origin})`}`);
    const setupLink = setupToken ? `${origin}/setup?token=${setupToken}` : undefined;
    if (setupLink) log(`First start: create the admin account at ${setupLink} (this link works once; until an admin exists, each start prints a new one).`);
    return { url, origin, context, metrics, ...(setupLink ? { setupLink } : {}), ...(backups ? { backUp: backups.run } : {}), close: closeAll };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

async function resolveWebApp(options: StartServerOptions, cwd: string, log: (line: string) => void): Promise<WebAppSource> {
  const web = options.web ?? { dir: path.join(repositoryRoot, 'web') };
  if ('built' in web) {
    const root = path.resolve(cwd, web.built);
    return existsSync(path.join(root, 'index.html')) ? { root } : { root: null, reason: `There is no index.html in ${root}.` };
  }
  const dir = path.resolve(cwd, web.dir);
  if (!existsSync(dir)) return { root: null, reason: `There is no web app folder at ${dir}.` };
  // web/src/i18n loads the tutor's phrases; the expression preview parses with the checker's own code
  return buildWebApp({ webDir: dir, log, sharedSources: [path.join(repositoryRoot, 'src', 'i18n', 'phrases'), path.join(repositoryRoot, 'src', 'exercise')] });
}

/** The client's address as a trusted proxy reports it. */
function forwardedAddress(request: Request): string | undefined {
  const realIp = request.headers.get('x-real-ip')?.trim();
  if (realIp) return realIp;
  return request.headers.get('x-forwarded-for')?.split(',').map((entry) => entry.trim()).filter(Boolean).pop();
}

function listen(fetch: (request: Request, bindings: HttpBindings) => Response | Promise<Response>, hostname: string, port: number): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: (request, bindings) => fetch(request, bindings as HttpBindings), hostname, port }, () => {
      server.off('error', failed);
      resolve(server);
    });
    // Keep an idle connection a minute (Node's default is 5 s): a learner thinks longer than that
    // between turns, and a load balancer's idle timeout (often 60 s) must run out before the server's.
    if ('keepAliveTimeout' in server) {
      server.keepAliveTimeout = 65_000;
      server.headersTimeout = 66_000;
    }
    const failed = (error: NodeJS.ErrnoException) =>
      reject(new Error(error.code === 'EADDRINUSE' ? `port ${port} on ${hostname} is in use; stop the other server or pass --port (0 picks a free port)` : `cannot listen on ${hostname}:${port}: ${error.message}`));
    server.once('error', failed);
  });
}

/** Stops accepting connections, gives open requests (streaming turns) a few seconds, then closes the rest. */
function stopListening(server: ServerType, graceMs = 5000): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => 'closeAllConnections' in server && server.closeAllConnections(), graceMs);
    timer.unref();
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    if ('closeIdleConnections' in server) server.closeIdleConnections();
  });
}

const displayHost = (host: string) => (host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host);
