// A TutorJournal in memory: for tests, benchmarks and simulations. Same contract as the store's.
import type { PublicBundle } from '../../course/index.js';
import { emptyLearnerState, foldLearnerState, parseEventPayload, type LearnerEvent, type LearnerState } from '../../learner/index.js';
import type { JournalEntry, JournalMessage, TutorJournal } from './tutor-journal.js';

const recentMessages = 40; // as the store's journal: the tutor is told how many older ones were left out

export interface MemoryJournal extends TutorJournal {
  /** Every stored event of a learner, in order. */
  events(learner: string): JournalEntry[];
}

export function createMemoryJournal(bundle: PublicBundle, clock: { now(): Date } = { now: () => new Date() }): MemoryJournal {
  const logs = new Map<string, JournalEntry[]>();
  const states = new Map<string, { state: LearnerState; folded: number }>();
  let nextId = 1;
  const log = (learner: string) => logs.get(learner) ?? (logs.set(learner, []), logs.get(learner)!);
  const journal: MemoryJournal = {
    async append({ learner, key, events }) {
      const entries = log(learner);
      const stored = entries.filter((entry) => entry.key === key);
      if (stored.length > 0) return { replayed: true, events: stored };
      const time = clock.now().toISOString();
      const added = events.map((event) => ({ ...event, payload: parseEventPayload(event.type, event.payload), id: `e${nextId++}`, time, key }) as JournalEntry);
      entries.push(...added);
      return { replayed: false, events: added };
    },
    async read(learner) {
      const entries = log(learner);
      const cached = states.get(learner) ?? { state: emptyLearnerState(), folded: 0 };
      const tail = entries.slice(cached.folded).map((entry) => ({ ...entry, learner, course: bundle.course.id, courseVersion: bundle.hash }) as unknown as LearnerEvent);
      const state = tail.length ? foldLearnerState(cached.state, tail, bundle) : cached.state;
      states.set(learner, { state, folded: entries.length });
      const messages: JournalMessage[] = [];
      for (const entry of entries) if (entry.type === 'message') messages.push({ turn: entry.payload.turn, role: entry.payload.role, text: entry.payload.text });
      return { state, messages: messages.slice(-recentMessages), messageCount: messages.length };
    },
    async appendAndRead(input) {
      return { ...(await journal.append(input)), snapshot: await journal.read(input.learner) };
    },
    async find(learner, key) {
      return log(learner).filter((entry) => entry.key === key);
    },
    events: (learner) => [...log(learner)],
  };
  return journal;
}
