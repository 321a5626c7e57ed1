// An in-process server for tests and benchmarks: a migrated database (PGlite by default), the
// tiny course published as a guest course, a router over a given model URL (or none: no-model
// mode), and helpers that sign accounts in. Tests call `kit.app.request(...)`; nothing listens.
import { asCourseFiles, tinyCourse } from '../../course/__fixtures__/tiny-course.js';
import { compileCourse, type CourseBundle } from '../../course/index.js';
import { createSandbox } from '../../exercise/index.js';
import { parseEventPayload, type EventType } from '../../learner/index.js';
import { createRouter, modelConfigSchema, type ModelRouter } from '../../models/index.js';
import { createStore, openTestDatabase, type Store, type UserRole } from '../../store/index.js';
import { createTutor, type Tutor } from '../../tutor/index.js';
import { createAccounts } from '../auth/accounts.js';
import { createCourseCatalog } from '../courses/course-catalog.js';
import { createApp, type AppOptions } from '../create-app.js';
import { createPrometheusMetrics } from '../metrics/index.js';
import { defaultServerLimits, type ServerContext } from '../server-context.js';
import { createStoreJournal } from '../tutoring/store-journal.js';

export interface ServerTestKit {
  context: ServerContext;
  app: ReturnType<typeof createApp>;
  store: Store;
  /** The tiny course's bundle, published as course `tiny`. */
  course: CourseBundle;
  /** Creates an account with `role` and returns its cookie header value. */
  signIn(role: UserRole, name?: string): Promise<{ id: string; cookie: string }>;
  /** A request with the cookie and the same-origin headers the CSRF check wants. */
  request(path: string, init?: { method?: string; body?: unknown; cookie?: string }): Promise<Response>;
  close(): Promise<void>;
}

export interface ServerTestKitOptions {
  backend?: 'pglite' | 'postgres';
  /** An OpenAI-compatible server (e.g. `startOpenAITestServer`); without it, turns are answered in no-model mode. */
  modelUrl?: string;
  /** Extra courses to publish (as guest courses too). */
  courses?: CourseBundle[];
  app?: AppOptions;
}

export function testRouterFor(modelUrl?: string): ModelRouter {
  if (!modelUrl) return createRouter({ config: modelConfigSchema.parse({}) });
  const config = modelConfigSchema.parse({
    providers: { test: { type: 'openai-compatible', baseURL: modelUrl } },
    tiers: { local: { chain: [{ provider: 'test', model: 'tutor-small' }], timeouts: { connectMs: 5000, firstTokenMs: 5000, totalMs: 20000 } } },
    retry: { baseDelayMs: 0, maxDelayMs: 0 },
  });
  return createRouter({ config, sleep: async () => {} });
}

export async function createServerTestKit(options: ServerTestKitOptions = {}): Promise<ServerTestKit> {
  const store = createStore({ database: await openTestDatabase(options.backend ?? 'pglite'), parseEvent: (type, payload) => parseEventPayload(type as EventType, payload) });
  let now = Date.parse('2026-03-02T09:00:00Z');
  const clock = { now: () => new Date((now += 1000)) };
  let seed = 42;
  const random = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const accounts = createAccounts(store.db, clock);
  const catalog = createCourseCatalog(store.db);
  const course = compileCourse(asCourseFiles(tinyCourse)).bundle!;
  const courses = [course, ...(options.courses ?? [])];
  for (const bundle of courses) await catalog.publish(bundle, null);
  const router = testRouterFor(options.modelUrl);
  const sandbox = createSandbox();
  const tutors = new Map<string, Tutor>();
  const metrics = createPrometheusMetrics({ processMetrics: false }); // kit.app serves /metrics
  const context: ServerContext = {
    store,
    accounts,
    catalog,
    router,
    sandbox,
    clock,
    random,
    tutorFor: (bundle) => {
      let tutor = tutors.get(bundle.public.hash);
      if (!tutor) tutors.set(bundle.public.hash, (tutor = createTutor({ course: bundle, router, journal: createStoreJournal(store, bundle), sandbox, clock, random })));
      return tutor;
    },
    guestCourses: new Set(courses.map((bundle) => bundle.public.course.id)),
    courseChecks: new Map(),
    origin: 'http://localhost',
    limits: defaultServerLimits,
    metrics,
  };
  const app = createApp(context, { metrics, clientAddress: () => 'test', limits: { requestsPerMinute: 100_000, signInPerMinute: 100_000 }, ...options.app });
  let counter = 0;
  return {
    context,
    app,
    store,
    course,
    async signIn(role, name = role) {
      const account = await accounts.create({ email: `${name.toLowerCase().replace(/\W+/g, '-')}-${++counter}@example.org`, name, password: 'a long test password', role });
      if (account === 'email-taken') throw new Error('test account email taken');
      const session = await accounts.startSession(account.id);
      return { id: account.id, cookie: `primer_session=${session.token}` };
    },
    request(path, init = {}) {
      const headers: Record<string, string> = { origin: 'http://localhost' };
      if (init.cookie) headers.cookie = init.cookie;
      if (init.body !== undefined) headers['content-type'] = 'application/json';
      return Promise.resolve(app.request(path, { method: init.method ?? (init.body === undefined ? 'GET' : 'POST'), headers, ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }) }));
    },
    async close() {
      await sandbox.close();
      await store.close();
    },
  };
}
