// The tutor's journal over the store: the event log (idempotent appends keyed by turn id), the
// learner state fold with snapshots, the conversation in `messages` and the questions the course
// could not answer. The tutor (a pure module) only sees the TutorJournal interface.
import type { CourseBundle } from '../../course/index.js';
import { emptyLearnerState, foldLearnerState, type LearnerEvent } from '../../learner/index.js';
import type { Store, StoredEvent } from '../../store/index.js';
import type { JournalEntry, JournalMessage, TutorJournal } from '../../tutor/index.js';

const foldVersion = 'learner-state-1';
const recentMessages = 40;

export function createStoreJournal(store: Store, bundle: CourseBundle): TutorJournal {
  const course = bundle.public.course.id;
  const toEntry = (event: StoredEvent) => ({ id: event.id, time: event.time, key: event.key, type: event.type, payload: event.payload }) as JournalEntry;
  return {
    async append({ learner, key, events, citations = [] }) {
      const outcome = await store.appendEvents({ learner, course, courseVersion: bundle.public.hash, key, events });
      const entries = outcome.events.map(toEntry);
      // The conversation as teachers read it. Written after the events (the source of truth), and
      // again on a replay: one row per (learner, course, turn, role), so a retry fills a gap left by a crash.
      const messages = entries.flatMap((entry) => (entry.type === 'message' ? [entry] : []));
      if (messages.length > 0) {
        await store.db
          .insertInto('messages')
          .values(
            messages.map((entry) => ({
              turn: entry.payload.turn,
              learner,
              course,
              role: entry.payload.role,
              text: entry.payload.text,
              language: entry.payload.language ?? null,
              citations: JSON.stringify(entry.payload.role === 'tutor' ? citations : []),
              created_at: new Date(entry.time),
            })),
          )
          .onConflict((conflict) => conflict.columns(['learner', 'course', 'turn', 'role']).doNothing())
          .execute();
      }
      return { replayed: outcome.replayed, events: entries };
    },
    async recordQuestion({ learner, turn, question, language, nearest }) {
      await store.db
        .insertInto('unanswered_questions')
        .values({ course, course_version: bundle.public.hash, learner, turn, question, language: language ?? null, nearest_chunks: JSON.stringify(nearest.map((chunk) => ({ chunk }))) })
        .execute();
    },
    async read(learner) {
      const [{ state }, rows] = await Promise.all([
        store.readLearnerState(learner, course, {
          fold: (current, events) => foldLearnerState(current, events as unknown as LearnerEvent[], bundle.public),
          initial: emptyLearnerState(),
          version: `${foldVersion}:${bundle.public.hash}`,
        }),
        store.db
          .selectFrom('events')
          .select((eb) => ['payload', eb.fn.countAll().over().as('total')]) // the count of all their messages, in the same round trip
          .where('learner', '=', learner)
          .where('course', '=', course)
          .where('type', '=', 'message')
          .orderBy('sequence', 'desc')
          .limit(recentMessages)
          .execute(),
      ]);
      const messages = rows.reverse().map((row) => {
        const payload = (typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload) as JournalMessage;
        return { turn: payload.turn, role: payload.role, text: payload.text };
      });
      return { state, messages, messageCount: rows.length ? Number(rows[0]!.total) : 0 };
    },
    async find(learner, key) {
      const rows = await store.db.selectFrom('events').selectAll().where('learner', '=', learner).where('course', '=', course).where('idempotency_key', '=', key).orderBy('sequence').execute();
      return rows.map((row) => toEntry({ id: row.id, sequence: Number(row.sequence), learner, course, courseVersion: row.course_version, time: row.time.toISOString(), type: row.type, payload: typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload, key: row.idempotency_key }));
    },
  };
}

