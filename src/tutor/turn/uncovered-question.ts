// Does the course cover a learner's free question? Used in no-model mode, where no model can call
// `search_course`, to decide whether to record the question for the teacher. The course index
// matches loosely (prefix and fuzzy, any term), so only the question's content words are searched:
// "what is the capital of France?" must not count as covered because a lesson contains "the".
import type { CourseIndex } from '../context/course-index.js';

const stopWords = new Set(
  'about above after again also because been before being below between both could does doing down during each from further have having here into itself just more most other over same should some such than that their theirs them then there these they this those through under until very what when where which while whom will with would your yours please tell explain know mean means'.split(' '),
);

/** True when `text` reads like a question and none of its content words occurs in the course. */
export function uncoveredQuestion(index: CourseIndex, text: string): boolean {
  if (text.trim().startsWith('/')) return false;
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const question = /\?\s*$/.test(text) || words.length >= 5;
  const content = words.filter((word) => word.length >= 4 && !stopWords.has(word));
  if (!question || content.length === 0) return false;
  return index.search(content.join(' '), { limit: 1 }).length === 0;
}
