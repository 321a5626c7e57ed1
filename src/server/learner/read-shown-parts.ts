// What tutor replies showed besides their words — exercises, hints, verdicts, kept in each reply's
// `shown` event — as the chat's data parts: for the learner's chat history and the teacher's
// conversations alike.
import type { CourseBundle } from '../../course/index.js';
import type { EventPayload } from '../../learner/index.js';
import type { Store } from '../../store/index.js';
import { replyKey } from '../../tutor/index.js';
import type { ApiShownPart } from '../api-types.js';
import { renderCourseMarkdown } from './course-text.js';
import { apiShownPart } from './turn-stream.js';

/** The key of a reply in readShownParts' map. */
export const shownPartsKey = (learner: string, turn: string) => `${learner}\u0000${turn}`;

/** The parts the given turns' replies showed, by shownPartsKey(learner, turn); a reply that showed nothing is absent. */
export async function readShownParts(db: Store['db'], bundle: CourseBundle, turns: readonly { learner: string; turn: string }[]): Promise<Map<string, ApiShownPart[]>> {
  const partsOf = new Map<string, ApiShownPart[]>();
  if (turns.length === 0) return partsOf;
  const shown = await db
    .selectFrom('events')
    .select(['learner', 'payload'])
    .where('course', '=', bundle.public.course.id)
    .where('type', '=', 'shown')
    .where('learner', 'in', [...new Set(turns.map((each) => each.learner))])
    .where('idempotency_key', 'in', [...new Set(turns.map((each) => replyKey(each.turn)))])
    .execute();
  const html = (markdown: string) => renderCourseMarkdown(bundle, markdown);
  for (const event of shown) {
    const { turn, parts } = (typeof event.payload === 'string' ? JSON.parse(event.payload) : event.payload) as EventPayload<'shown'>;
    partsOf.set(shownPartsKey(event.learner, turn), parts.map((part) => apiShownPart(part, html)));
  }
  return partsOf;
}
