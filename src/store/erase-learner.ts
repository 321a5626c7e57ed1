// Erasing a learner: everything their account left, in one statement (migrations 0010, 0011). The
// only way anything leaves the append-only event log. Afterwards the database refuses to store
// anything more for that learner (a turn that was under way, say), with the error isLearnerErased
// recognises.
import { sql, type Kysely } from 'kysely';
import type { Database } from './database.js';

export interface ErasedLearner {
  /** Events and chat messages deleted. */
  events: number;
  messages: number;
}

/** Deletes the learner's events, snapshots, messages and questions, and their account (by id) with its sessions and enrollments. */
export async function eraseLearner(db: Kysely<Database>, learner: string): Promise<ErasedLearner> {
  const { rows } = await sql<{ events: string | number; messages: string | number }>`select events, messages from primer_erase_learner(${learner})`.execute(db);
  return { events: Number(rows[0]!.events), messages: Number(rows[0]!.messages) };
}

/** True for the database's refusal to store anything for an erased learner (SQLSTATE PRM01, migration 0011). */
export function isLearnerErased(error: unknown): boolean {
  return error instanceof Error && (error as { code?: unknown }).code === 'PRM01';
}
