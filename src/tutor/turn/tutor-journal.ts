// The one capability the tutor needs from storage, so this core module never imports the store:
// append events (idempotently, by key), read the folded learner state, and find a turn's events.
import type { EventPayload, EventType, LearnerState } from '../../learner/index.js';

/** An event the tutor appends. */
export type JournalEvent = { [T in EventType]: { type: T; payload: EventPayload<T> } }[EventType];

/** An event as stored, with its id (memory items cite it as evidence). */
export type JournalEntry = JournalEvent & { id: string; time: string; key: string | null };

export interface JournalMessage {
  turn: string;
  role: 'learner' | 'tutor';
  text: string;
}

export interface LearnerSnapshot {
  state: LearnerState;
  /** The latest chat messages, oldest first (a journal may leave the oldest out). */
  messages: JournalMessage[];
  /** How many chat messages the learner has in all; `messageCount - messages.length` older ones were left out. */
  messageCount: number;
}

/** A learner question the course could not answer, for the teacher's dashboard. */
export interface UnansweredQuestion {
  learner: string;
  turn: string;
  question: string;
  language?: string;
  /** Ids of the chunks that came closest, best first (may be empty). */
  nearest: string[];
}

export interface TutorJournal {
  /**
   * Appends events atomically. Re-sending a key returns the events stored under it, `replayed: true`.
   * `citations` are the chunk ids the tutor's message among `events` cites (kept with the conversation).
   */
  append(input: { learner: string; key: string; events: JournalEvent[]; citations?: string[] }): Promise<{ replayed: boolean; events: JournalEntry[] }>;
  /** The learner's state (a fold over their events), their latest messages and how many there are in all. */
  read(learner: string): Promise<LearnerSnapshot>;
  /** `append`, then `read` for the same learner (seeing what was just appended): a turn's first step, in one round trip where the journal can. */
  appendAndRead(input: { learner: string; key: string; events: JournalEvent[] }): Promise<{ replayed: boolean; events: JournalEntry[]; snapshot: LearnerSnapshot }>;
  /** The events stored under `key`, or an empty list. */
  find(learner: string, key: string): Promise<JournalEntry[]>;
  /** Records a question the course could not answer; journals without a teacher dashboard leave it out. */
  recordQuestion?(question: UnansweredQuestion): Promise<void>;
}

/** The key of a turn's reply: the learner's message is stored under the turn id itself. */
export const replyKey = (turnId: string) => `${turnId}:reply`;
