// What every route module receives: the capabilities of one running server. Built by
// `startServer` (production) or by the test kit; route modules never open anything themselves.
import type { CourseBundle, Diagnostic } from '../course/index.js';
import type { Sandbox } from '../exercise/index.js';
import type { ModelRouter } from '../models/index.js';
import type { Store } from '../store/index.js';
import type { Tutor } from '../tutor/index.js';
import type { Accounts } from './auth/accounts.js';
import type { CourseCatalog } from './courses/course-catalog.js';

export interface ServerContext {
  store: Store;
  accounts: Accounts;
  catalog: CourseCatalog;
  router: ModelRouter;
  sandbox?: Sandbox;
  clock: { now(): Date };
  random: () => number;
  /** The tutor for a published course version (one per version, made on first use). */
  tutorFor(bundle: CourseBundle): Tutor;
  /** Courses any signed-in account (guests included) may take without an invitation. */
  guestCourses: ReadonlySet<string>;
  /** The latest check of each course served from a folder: its diagnostics, as `primer course check` gives them. */
  courseChecks: Map<string, { folder: string; diagnostics: Diagnostic[] }>;
  /** The public origin used in links (invites, setup), e.g. http://localhost:3000. */
  origin: string;
  limits: ServerLimits;
  metrics: ServerMetrics;
}

/** What the routes report for /metrics; the Prometheus implementation lives in metrics/. */
export interface ServerMetrics {
  /** A tutor turn ended: how it was answered, and its time to the first streamed part and in total (ms). */
  turn(outcome: { course: string; mode: 'model' | 'no-model' | 'command' | 'replayed' | 'error'; tier?: string; firstPartMs?: number; totalMs: number }): void;
}

export const noMetrics: ServerMetrics = { turn() {} };

export interface ServerLimits {
  /** Characters in one learner message. */
  messageChars: number;
  /** Tutor turns per learner per minute. */
  turnsPerMinute: number;
}

export const defaultServerLimits: ServerLimits = { messageChars: 4000, turnsPerMinute: 20 };
