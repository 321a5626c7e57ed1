// The tutor's journal over the store: the event log (idempotent appends keyed by turn id, with the
// conversation in `messages` written in the same statement), the learner state fold with snapshots
// and the latest messages in one read, and the questions the course could not answer. The tutor
// (a pure module) only sees the TutorJournal interface.
import type { CourseBundle } from '../../course/index.js';
import { emptyLearnerState, foldedEventTypes, foldLearnerState, type LearnerEvent, type LearnerState } from '../../learner/index.js';
import type { LearnerStateRead, Store, StoredEvent } from '../../store/index.js';
import type { JournalEntry, JournalEvent, JournalMessage, TutorJournal } from '../../tutor/index.js';

const foldVersion = 'learner-state-4'; // bumped when the fold's rules change: snapshots folded by older rules are rebuilt
const recentMessages = 40;

export function createStoreJournal(store: Store, bundle: CourseBundle): TutorJournal {
  const course = bundle.public.course.id;
  const toEntry = (event: StoredEvent) => ({ id: event.id, time: event.time, key: event.key, type: event.type, payload: event.payload }) as JournalEntry;
  // The chat messages among the events also go to `messages` (the conversation as teachers read it), in the same statement.
  const messagesOf = (events: JournalEvent[], citations: string[] = []) =>
    events.flatMap((event) =>
      event.type === 'message' ? [{ turn: event.payload.turn, role: event.payload.role, text: event.payload.text, ...(event.payload.language ? { language: event.payload.language } : {}), citations: event.payload.role === 'tutor' ? citations : [] }] : [],
    );
  const readOptions = {
    fold: (current: LearnerState, events: readonly StoredEvent[]) => foldLearnerState(current, events as unknown as LearnerEvent[], bundle.public),
    initial: emptyLearnerState(),
    version: `${foldVersion}:${bundle.public.hash}`,
    types: foldedEventTypes,
    recent: { type: 'message', limit: recentMessages },
  };
  const snapshotOf = ({ state, recent }: LearnerStateRead<LearnerState>) => ({
    state,
    messages: (recent.payloads as JournalMessage[]).map(({ turn, role, text }) => ({ turn, role, text })),
    messageCount: recent.total,
  });
  return {
    async append({ learner, key, events, citations }) {
      const outcome = await store.appendEvents({ learner, course, courseVersion: bundle.public.hash, key, events, messages: messagesOf(events, citations) });
      return { replayed: outcome.replayed, events: outcome.events.map(toEntry) };
    },
    async appendAndRead({ learner, key, events }) {
      const outcome = await store.appendAndReadLearnerState({ learner, course, courseVersion: bundle.public.hash, key, events, messages: messagesOf(events) }, readOptions);
      return { replayed: outcome.replayed, events: outcome.events.map(toEntry), snapshot: snapshotOf(outcome.read) };
    },
    async recordQuestion({ learner, turn, question, language, nearest }) {
      await store.db
        .insertInto('unanswered_questions')
        .values({ course, course_version: bundle.public.hash, learner, turn, question, language: language ?? null, nearest_chunks: JSON.stringify(nearest.map((chunk) => ({ chunk }))) })
        .execute();
    },
    async read(learner) {
      return snapshotOf(await store.readLearnerState(learner, course, readOptions));
    },
    async find(learner, key) {
      const rows = await store.db.selectFrom('events').selectAll().where('learner', '=', learner).where('course', '=', course).where('idempotency_key', '=', key).orderBy('sequence').execute();
      return rows.map((row) => toEntry({ id: row.id, sequence: Number(row.sequence), learner, course, courseVersion: row.course_version, time: row.time.toISOString(), type: row.type, payload: typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload, key: row.idempotency_key }));
    },
  };
}

