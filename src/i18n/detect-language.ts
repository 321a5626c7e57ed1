// Which language a learner writes in, with eld (n-gram language identification, offline).
// Short or mixed texts are often unreliable; then the answer is undefined and the caller keeps its default.
import { eld } from 'eld/small';
import { sameLanguage } from './language-tag.js';

export interface DetectedLanguage {
  language: string; // ISO 639-1, e.g. "es"
  reliable: boolean;
}

// A turn asks about the same texts more than once (the new message, then the learner's recent
// messages), and eld's n-gram scoring is not free: recent answers are remembered.
const remembered = new Map<string, DetectedLanguage | undefined>();
const rememberedTexts = 512;

/** Detects the language of `text`; undefined when there is too little text to tell. */
export function detectLanguage(text: string): DetectedLanguage | undefined {
  if (remembered.has(text)) return remembered.get(text);
  const detected = detectUncached(text);
  if (remembered.size >= rememberedTexts) remembered.delete(remembered.keys().next().value!);
  remembered.set(text, detected && Object.freeze(detected));
  return detected;
}

function detectUncached(text: string): DetectedLanguage | undefined {
  const letters = text.replace(/\$[^$]*\$|`[^`]*`|https?:\/\/\S+|[^\p{L}\s]/gu, ' ').replace(/\s+/g, ' ').trim();
  if (letters.length < 8) return undefined;
  const result = eld.detect(letters);
  if (!result.language) return undefined;
  // eld calls "me das una pista" reliably Portuguese, by 0.2% over Spanish: a near tie is no answer.
  const [first = 0, second = 0] = Object.values(result.getScores()).sort((a, b) => b - a);
  return { language: result.language, reliable: result.isReliable() && first - second >= closeCall * first };
}

/** How far ahead of the next language the detected one must score to count as reliable (a share of its score). */
const closeCall = 0.02;

/** The language of a learner's recent messages (newest first wins when reliable), or undefined. */
export function detectLearnerLanguage(messages: readonly string[]): string | undefined {
  for (const message of [...messages].reverse()) {
    const detected = detectLanguage(message);
    if (detected?.reliable) return detected.language;
  }
  const all = detectLanguage(messages.join(' '));
  return all?.reliable ? all.language : undefined;
}

/**
 * Whether a reply is clearly in another language than `expected`: only a reliable detection of a
 * different language on enough text counts, so formulas and short replies never trigger a retry.
 */
export function isWrongLanguage(reply: string, expected: string): boolean {
  const detected = detectLanguage(reply);
  if (!detected?.reliable) return false;
  return !sameLanguage(detected.language, expected) && reply.replace(/[^\p{L}]/gu, '').length >= 24;
}
