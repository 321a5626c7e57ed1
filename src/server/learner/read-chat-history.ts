// A learner's chat in one course, as the web app shows it: a page of whole turns (a message with its
// reply), newest first, each tutor reply with what it showed besides its text (exercises, hints,
// verdicts, from its `shown` event). A long course's chat would otherwise load every message each visit.
import type { CourseBundle } from '../../course/index.js';
import type { Store } from '../../store/index.js';
import type { ApiChatHistory, ApiChatMessage } from '../api-types.js';
import { readShownParts, shownPartsKey } from './read-shown-parts.js';

/** Turns per page (the newest first; `before` pages back). */
export const chatHistoryPage = 50;

/**
 * The newest page of turns, or the page before the turn `before` (the oldest one the chat has);
 * undefined when `before` is not a turn of this learner in this course.
 */
export async function readChatHistory(store: Store, bundle: CourseBundle, learner: string, before?: string): Promise<ApiChatHistory | undefined> {
  const { db } = store;
  const course = bundle.public.course.id;
  const mine = db.selectFrom('messages').where('learner', '=', learner).where('course', '=', course);
  const startOf = async (turn: string) => (await mine.select((eb) => eb.fn.min('created_at').as('time')).where('turn', '=', turn).executeTakeFirst())?.time ?? undefined;
  const cursor = before === undefined ? undefined : await startOf(before);
  if (before !== undefined && cursor === undefined) return undefined;

  const newest = await mine
    .select(['turn', (eb) => eb.fn.min('created_at').as('started')])
    .groupBy('turn')
    .$if(cursor !== undefined, (query) => query.having((eb) => eb.fn.min('created_at'), '<', cursor!))
    .orderBy('started', 'desc')
    .limit(chatHistoryPage + 1)
    .execute();
  const turns = newest.slice(0, chatHistoryPage).map((row) => row.turn);
  if (turns.length === 0) return { messages: [], earlier: false };
  const rows = await mine
    .select(['turn', 'role', 'text', 'citations', 'created_at'])
    .where('turn', 'in', turns)
    .orderBy('created_at')
    .orderBy('role') // a turn's learner message before the tutor's reply
    .execute();

  const partsOf = await readShownParts(db, bundle, turns.map((turn) => ({ learner, turn })));
  const messages = rows.map((row): ApiChatMessage => {
    const parts = row.role === 'tutor' ? partsOf.get(shownPartsKey(learner, row.turn)) : undefined;
    return {
      id: row.turn,
      role: row.role,
      text: row.text,
      citations: (typeof row.citations === 'string' ? JSON.parse(row.citations) : row.citations) as string[],
      ...(parts ? { parts } : {}),
      time: new Date(row.created_at).toISOString(),
    };
  });
  return { messages, earlier: newest.length > chatHistoryPage };
}
