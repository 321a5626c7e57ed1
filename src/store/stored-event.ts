// The event log's envelope as the store returns it, and the capabilities the log needs.
import type { Selectable } from 'kysely';
import type { EventsTable } from './database.js';

/** One event as stored. `sequence` orders the log; `time` is when it happened (ISO 8601). */
export interface StoredEvent {
  id: string;
  sequence: number;
  learner: string;
  course: string;
  courseVersion: string;
  time: string;
  type: string;
  payload: unknown;
  /** The client key of the append that stored it (e.g. a tutor turn id), if any. */
  key: string | null;
}

/**
 * Validates a payload for its event type and returns the payload to store (with defaults
 * filled in); throws when it is invalid. Primer passes `parseEventPayload` from the learner module.
 */
export type ParseEvent = (type: string, payload: unknown) => unknown;

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function toStoredEvent(row: Selectable<EventsTable>): StoredEvent {
  return {
    id: row.id,
    sequence: Number(row.sequence),
    learner: row.learner,
    course: row.course,
    courseVersion: row.course_version,
    time: row.time.toISOString(),
    type: row.type,
    payload: row.payload,
    key: row.idempotency_key,
  };
}
