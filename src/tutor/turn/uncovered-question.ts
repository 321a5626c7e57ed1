// Does the course cover a learner's free question? Used in no-model mode, where no model can call
// `search_course`: to quote the course, or to record the question for the teacher. The course index
// matches loosely (prefix and fuzzy, any term), so only the question's content words are searched:
// "what is the capital of France?" must not count as covered because a lesson contains "the".
import type { CourseIndex } from '../context/course-index.js';
import { words } from '../context/excerpt-chunk.js';

const stopWords = new Set(
  (
    'about above after again also because been before being below between both could does doing down during each from further have having here into itself just more most other over same should some such than that their theirs them then there these they this those through under until very what when where which while whom will with would your yours please tell explain know mean means hello thanks thank start begin help work works need needs used using want make makes happen happens really actually understand understanding' +
    // about the learning itself, not the subject: "walk me through this lesson", "ask me a question to check my understanding",
    // "explain it in plain words", "say it differently", "I think the answer is 4", "how long will this take?"
    ' lesson lessons course courses section sections simple simpler simply plain word words differently again walk quiz question questions check think guess believe long take takes' +
    // asking for practice: "ok, give me an exercise", "another one please", "what is the answer?", "how do I solve this?"
    ' give exercise exercises practice practise problem problems another next ready answer answers hint hints clue clues nudge solve solves solved solving'
  ).split(' '),
);

// A message that opens with a greeting and asks nothing ("Hi! I'm a nurse and I want to learn how
// neural nets learn") introduces the learner: it is not a question to look up.
const greetings = new Set(['hi', 'hello', 'hey', 'hiya', 'greetings', 'hola', 'buenas', 'bonjour', 'salut', 'olá', 'ola', 'oi', 'habari', 'hujambo', 'jambo', 'namaste', 'नमस्ते', 'नमस्कार', '你好', '您好', 'مرحبا', 'أهلا', 'اهلا', 'السلام']);

/** The content words of `text` when it reads like a question (a question mark, a question word first, or five words or more but no greeting first), else undefined. */
export function questionWords(text: string): string[] | undefined {
  if (text.trim().startsWith('/')) return undefined;
  const said = words(text);
  const asks = /[?？؟]\s*$/.test(text) || /^(what|how|why|when|where|which|who|is|are|can|does|do)$/.test(said[0] ?? '');
  if (!asks && (said.length < 5 || greetings.has(said[0] ?? ''))) return undefined;
  return said.filter((word) => word.length >= 4 && !stopWords.has(word));
}

/**
 * True when `text` reads like a question and none of its content words occurs in the course, as
 * written or as the start of a longer word: not fuzzily, or "painted" would be found as "pointed".
 */
export function uncoveredQuestion(index: CourseIndex, text: string): boolean {
  const content = questionWords(text);
  if (!content || content.length === 0) return false;
  return index.search(content.join(' '), { limit: 1, fuzzy: false }).length === 0;
}
