// The tables of Primer's database, as Kysely sees them. Columns are snake_case, as in SQL;
// repositories map rows to camelCase domain objects. The migrations in `migrations/` create
// exactly these tables; change both together, and only by adding a migration.
import type { ColumnType, Generated } from 'kysely';

/** A column written once and never updated (append-only and immutable data). */
type Immutable<T> = ColumnType<T, T, never>;
/** A column the database fills in on insert and nobody updates. */
type Automatic<T> = ColumnType<T, never, never>;
/** A jsonb column: written as JSON text, read back parsed. */
type Json<Insert extends string | undefined = string> = ColumnType<unknown, Insert, string>;
/** A bigint column: pg returns a string, PGlite a number; repositories convert with Number(). */
type BigInteger = ColumnType<string | number | bigint, number | bigint, number | bigint>;

export type UserRole = 'admin' | 'teacher' | 'learner';
export type EnrollmentRole = 'learner' | 'teacher';
export type MessageRole = 'learner' | 'tutor';
export type TranslationStatus = 'machine' | 'approved';
export type QuestionStatus = 'open' | 'answered' | 'dismissed';

export interface UsersTable {
  id: Generated<string>; // uuid
  email: string; // unique, case-insensitive
  name: Generated<string>;
  password_hash: string | null; // null: invited, or signs in another way
  role: Generated<UserRole>;
  created_at: ColumnType<Date, Date | undefined, never>;
}

/** A signed-in browser: the cookie holds a random token, the table only its SHA-256 hash. */
export interface AuthSessionsTable {
  id_hash: Immutable<string>;
  user_id: Immutable<string>;
  created_at: ColumnType<Date, Date | undefined, never>;
  expires_at: Date;
}

export interface CoursesTable {
  id: Immutable<string>; // the course id from course.yaml
  title: string;
  owner_id: string | null;
  current_version: string | null; // content hash of the published version
  created_at: ColumnType<Date, Date | undefined, never>;
}

/** One compiled version of a course, addressed by its content hash: the learner-visible part. */
export interface CourseVersionsTable {
  course_id: Immutable<string>;
  content_hash: Immutable<string>;
  public_bundle: ColumnType<unknown, string, never>; // jsonb; the `public` half of the bundle
  created_at: ColumnType<Date, Date | undefined, never>;
}

/** The `keys` half of a compiled course, in its own table so that no query for content reads it. */
export interface CourseVersionKeysTable {
  course_id: Immutable<string>;
  content_hash: Immutable<string>;
  keys_bundle: ColumnType<unknown, string, never>; // jsonb
}

export interface EnrollmentsTable {
  id: Generated<string>;
  course_id: string;
  user_id: string | null; // null until an invitation is accepted
  role: Generated<EnrollmentRole>;
  invite_token_hash: string | null; // SHA-256 of the invitation token
  invite_email: string | null;
  created_at: ColumnType<Date, Date | undefined, never>;
  accepted_at: Date | null;
}

/** The append-only event log: the source of truth for everything a learner does. */
export interface EventsTable {
  sequence: Automatic<string | number | bigint>; // bigserial: the order of the log
  id: Immutable<string>; // uuid v7, time-ordered
  learner: Immutable<string>;
  course: Immutable<string>;
  course_version: Immutable<string>;
  time: Immutable<Date>;
  type: Immutable<string>;
  payload: ColumnType<unknown, string, never>; // jsonb
  idempotency_key: Immutable<string | null>; // client key of the append (e.g. a tutor turn id)
  key_index: Immutable<number | null>; // position of the event within that append
  recorded_at: Automatic<Date>;
}

/** A cached fold of one learner's events in one course, up to and including `sequence`. */
export interface SnapshotsTable {
  learner: string;
  course: string;
  fold_version: string;
  sequence: BigInteger;
  state: Json;
  created_at: Date;
  /** With a read's `recent` option: its event type, and how many events of it there are up to `sequence`. */
  recent_type: string | null;
  recent_total: ColumnType<string | number | bigint | null, number | bigint | null, number | bigint | null>;
}

/** The tutor conversation, as shown to the learner and the teacher. */
export interface MessagesTable {
  id: Generated<string>;
  turn: string; // client turn id
  learner: string;
  course: string;
  role: MessageRole;
  text: string;
  language: string | null;
  citations: Json<string | undefined>; // jsonb array of chunk ids
  flagged: Generated<boolean>;
  flag_reason: string | null;
  created_at: ColumnType<Date, Date | undefined, never>;
}

/** Machine or reviewed translations of course chunks, keyed by (content hash, language, glossary). */
export interface TranslationsTable {
  chunk_hash: string;
  language: string;
  glossary_version: string;
  text: string;
  status: Generated<TranslationStatus>;
  reviewer_id: string | null;
  model: string | null;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: Date;
}

/** One call through the model router. */
export interface ModelCallsTable {
  id: Generated<string>;
  time: Date;
  task: string;
  tier: string;
  provider: string;
  model: string;
  input_tokens: Generated<number>;
  output_tokens: Generated<number>;
  cached_tokens: Generated<number>;
  cost_usd: Generated<number>;
  ttft_ms: number | null;
  total_ms: number | null;
  outcome: string; // e.g. ok, error, fallback, budget, blocked
  reason: string | null;
  learner: string | null;
  course: string | null;
  turn: string | null;
}

/** A learner question the course could not answer, for the teacher's dashboard. */
export interface UnansweredQuestionsTable {
  id: Generated<string>;
  course: string;
  course_version: string;
  learner: string;
  turn: string | null;
  question: string;
  language: string | null;
  nearest_chunks: Json<string | undefined>; // jsonb array of { chunk, score }
  status: Generated<QuestionStatus>;
  teacher_note: string | null;
  created_at: ColumnType<Date, Date | undefined, never>;
  resolved_at: Date | null;
}

/** The ids of erased learner accounts: nothing more may be stored for them (migration 0011). */
export interface ErasedLearnersTable {
  learner: Immutable<string>;
  erased_at: ColumnType<Date, Date | undefined, never>;
}

export interface Database {
  users: UsersTable;
  auth_sessions: AuthSessionsTable;
  courses: CoursesTable;
  course_versions: CourseVersionsTable;
  course_version_keys: CourseVersionKeysTable;
  enrollments: EnrollmentsTable;
  events: EventsTable;
  snapshots: SnapshotsTable;
  messages: MessagesTable;
  translations: TranslationsTable;
  model_calls: ModelCallsTable;
  unanswered_questions: UnansweredQuestionsTable;
  erased_learners: ErasedLearnersTable;
}
