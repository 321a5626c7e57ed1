// The HTTP API's JSON shapes: what the server sends and the web app (web/) reads. Types only, so
// the web app imports them with `import type` and nothing of the server reaches the browser.
// Every error is `{ error: string }` with a 4xx/5xx status, written for a person to read.

import type { AnswerProblem } from '../exercise/index.js';
import type { NextWhy } from '../learner/index.js';

export type { NextWhy };

export type Role = 'admin' | 'teacher' | 'learner';

export interface ApiAccount {
  id: string;
  email: string;
  name: string;
  role: Role;
  guest: boolean;
}

/** GET /api/courses: the courses this account may take (guest courses, enrollments) or teach. */
export interface ApiCourseListItem {
  id: string;
  title: string;
  language: string;
  version: string;
  /** How this account reaches the course. */
  access: 'guest' | 'learner' | 'teacher' | 'admin';
}

/** GET /api/courses/:course — the course outline; lesson text comes from the lesson endpoint. */
export interface ApiCourseOutline {
  id: string;
  title: string;
  language: string;
  version: string;
  skills: { id: string; title: string; prerequisites: string[] }[];
  lessons: { id: string; title: string; skills: string[]; prerequisites: string[]; minutes: number; exercises: string[] }[];
}

/** GET /api/courses/:course/lessons/:lesson?lang=xx — rendered (KaTeX, highlighted code) and translated. */
export interface ApiLesson {
  id: string;
  title: string;
  /** The learner's language, in which the lesson is shown (each section says its own, see `language` there). */
  language: string;
  /** The title's language: the learner's, or the course's while it has no translation. */
  titleLanguage: string;
  /** True when some sections are shown in the course language because no translation exists yet. */
  partial: boolean;
  /** Lesson text and exercises in order. A section id is a chunk id, the target of a citation. */
  blocks: ({ kind: 'section'; id: string; heading: string; html: string; language: string } | { kind: 'exercise'; exercise: ApiExercise })[];
}

/** An exercise as a learner sees it (template variables already filled for this learner). Never a key. */
export interface ApiExercise {
  id: string;
  lesson?: string;
  type: 'choice' | 'numeric' | 'expression' | 'text' | 'free-response' | 'code';
  promptHtml: string;
  /** The language the prompt and choices are written in: the learner's, or the course's while they have no translation. */
  promptLanguage: string;
  skills: string[];
  choices?: { id: string; html: string }[];
  multiple?: boolean;
  unit?: string;
  variables?: string[];
  language?: 'python' | 'javascript';
  starter?: string;
  tests?: { name: string }[];
  hintCount: number;
  /** A template exercise's variant (0 first): it moves on to new numbers after each right answer. Absent for other exercises. */
  variant?: number;
  /** What this learner has done on it. */
  progress: { attempts: number; solved: boolean; hintsSeen: number; lastVerdict?: ApiVerdict['verdict'] };
}

export interface ApiVerdict {
  verdict: 'correct' | 'partially-correct' | 'incorrect' | 'unparseable';
  feedback?: string;
  message?: string;
  misconception?: string;
  tests?: { name: string; passed: boolean; message?: string }[];
  output?: string;
}

/** GET /api/courses/:course/state — the course map. */
export interface ApiLearnerState {
  /**
   * `mastery` is the model's estimate (0–1); `opportunities` is how many graded answers it rests on.
   * With none, mastery is only the course's starting estimate (the prior), not something this learner showed.
   */
  skills: { id: string; title: string; mastery: number; opportunities: number; mastered: boolean; status: 'not-started' | 'in-progress' | 'mastered' | 'review-due'; reviewDue?: string }[];
  lessons: { id: string; started: boolean; exercisesSolved: number; exercises: number }[];
  /** `reason` is one English sentence; `why` is the same reason as data for saying it in the learner's language. */
  next: { kind: 'teach' | 'practise' | 'review' | 'remediate'; lesson?: string; exercise?: string; skill?: string; reason: string; why: NextWhy } | null;
  /** With nothing next because every exercise left was solved recently: when answering them counts again (ISO time). */
  practiceResumes?: string;
  reviewsDue: { skill: string; due: string }[];
  profile: ApiProfile;
}

export interface ApiProfile {
  language?: string;
  background?: string;
  tags: string[];
  goals?: string;
  pace?: 'slow' | 'steady' | 'fast';
}

export interface ApiMemoryItem {
  id: string;
  text: string;
  evidence: string[];
  createdAt: string;
  updatedAt: string;
}

/** GET /api/courses/:course/messages — the chat so far, oldest first. */
/** GET /api/courses/:course/messages[?before=<turn id>]: the newest 50 turns (or the 50 before that turn), oldest first. */
export interface ApiChatHistory {
  messages: ApiChatMessage[];
  earlier: boolean; // older turns exist: ask again with before = the first message's id
}

export interface ApiChatMessage {
  id: string; // the turn id
  role: 'learner' | 'tutor';
  text: string;
  citations: string[];
  parts?: ApiShownPart[]; // what a tutor message showed besides its text, as the stream's data parts were
  time: string;
}

/** An exercise, a hint or a verdict a tutor message showed: the same data parts as the turn's stream. */
export type ApiShownPart = { type: 'data-exercise'; data: ApiTurnDataParts['exercise'] } | { type: 'data-hint'; data: ApiTurnDataParts['hint'] } | { type: 'data-verdict'; data: ApiTurnDataParts['verdict'] };

/**
 * POST /api/courses/:course/turns streams an AI SDK UI message stream (useChat). Besides text parts,
 * it carries these data parts (`data-<name>`), in the order the tutor produced them.
 */
export interface ApiTurnDataParts {
  lesson: { lesson: string; title: string };
  exercise: { exercise: string; promptHtml: string; choices?: { id: string; html: string }[] }; // as the exercise's card shows them: the learner's variant, in their language
  hint: { exercise: string; rung: number; text: string; reveals: boolean };
  verdict: { exercise: string } & ApiVerdict;
  progress: { skills: { skill: string; title: string; mastery: number; opportunities: number; status: string }[] };
  notice: { code: string; message: string; count?: number };
  citations: { chunks: string[] };
  turn: { mode: 'model' | 'no-model' | 'command'; tier?: string; provider?: string; replayed: boolean };
}

/** The body of POST /api/courses/:course/turns. `turnId` is generated by the client; re-sending it replays. */
export interface ApiTurnRequest {
  turnId: string;
  text: string;
  action?:
    | { type: 'message' }
    | { type: 'answer'; exercise: string; answer: string }
    | { type: 'hint'; exercise: string }
    | { type: 'lesson'; lesson: string }
    | { type: 'exercise'; exercise: string }
    | { type: 'language'; language: string };
  /** The lesson the learner has open beside the chat: a message is about it, and the tutor moves to it first when it is on another lesson. */
  lesson?: string;
}

// ——— Teacher ———

export interface ApiDiagnostic {
  severity: 'error' | 'warning';
  path: string; // relative to the course folder
  line: number;
  column: number;
  message: string;
  hint?: string;
}

/** GET /api/teacher/courses */
export interface ApiTeacherCourse {
  id: string;
  title: string;
  version: string;
  source: 'folder' | 'upload';
  learners: number;
  diagnostics: ApiDiagnostic[];
  versions: { version: string; publishedAt: string; current: boolean }[];
}

/** GET /api/teacher/courses/:course/dashboard */
export interface ApiDashboard {
  heatmap: { learners: { id: string; name: string }[]; skills: { id: string; title: string }[]; mastery: (number | null)[][]; masteryThreshold: number }; // mastery[learner][skill]; null: no graded answer on that skill yet; a skill is mastered from the course's threshold
  /** failedAttempts: answers judged wrong or partly right; unreadable: answers the checker could not read (often: the prompt does not say how to write the answer). */
  stuck: { exercise: string; lesson?: string; failedAttempts: number; unreadable: number; hints: number; learners: number }[];
  /** The answers the checker could not read most often, as typed (short answers only): what a prompt may need to say about how to write the answer. */
  unreadableAnswers: { exercise: string; answer: string; count: number; learners: number; problem?: AnswerProblem }[]; // problem: why, the last time it was typed
  /** Skills on which learners solved every exercise without reaching mastery (none is a template): add exercises there. */
  outOfExercises: { skill: string; title: string; learners: number }[];
  questions: { id: string; question: string; language: string | null; learner: string; createdAt: string; status: 'open' | 'answered' | 'dismissed' }[];
  misconceptions: { exercise: string; misconception: string; count: number; learners: number }[];
  cost: { day: string; task: string; tier: string; calls: number; costUsd: number; inputTokens: number; outputTokens: number }[];
}

/** GET /api/teacher/courses/:course/conversations?q=&flagged= */
export interface ApiConversationMessage {
  id: string;
  learner: { id: string; name: string };
  turn: string;
  role: 'learner' | 'tutor';
  text: string;
  time: string;
  flagged: boolean;
  flagReason: string | null;
  verdicts?: { exercise: string; verdict: ApiVerdict['verdict'] }[]; // on a learner's answer: what the checker said
  parts?: ApiShownPart[]; // on a tutor's reply: what it showed besides its words, as the learner's chat showed it
}

/** GET /api/teacher/courses/:course/translations?language=&status= */
export interface ApiTranslation {
  chunk: string; // chunk id
  chunkHash: string;
  heading: string;
  language: string;
  source: string; // the course text
  text: string; // the translation
  status: 'machine' | 'approved';
  model: string | null;
}

/** POST /api/teacher/courses/:course/invites → the link to send. */
export interface ApiInvite {
  link: string;
  role: 'learner' | 'teacher';
  email: string | null;
}

/** GET /api/admin/users */
export interface ApiUser extends ApiAccount {
  createdAt: string;
}

// ——— Responses of the teacher, invitation and admin writes (see docs/api-teacher.md) ———

/** POST /api/teacher/courses (201 when the version is new) and POST /api/teacher/courses/:course/current (without isNew). */
export interface ApiPublishedCourse {
  course: string;
  version: string;
  isNew: boolean;
}

/** POST /api/teacher/courses/:course/questions/:id → { question } */
export interface ApiQuestionUpdate {
  id: string;
  question: string;
  status: 'open' | 'answered' | 'dismissed';
  note: string | null;
  resolvedAt: string | null;
}

/** GET /api/invites/:token — what the invitation is for; `email` set when only that address may accept it. */
export interface ApiInvitation {
  course: { id: string; title: string };
  role: 'learner' | 'teacher';
  email: string | null;
}

/** POST /api/invites/:token/accept → the account now enrolled (signed in when it was just created). */
export interface ApiInvitationAccepted {
  account: ApiAccount;
  course: { id: string; title: string };
}
