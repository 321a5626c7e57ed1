// Text keys: an accepted answer appearing as a word or phrase, compared without case,
// diacritics or punctuation, unless the learner wrote or saw it.
import { foldText } from './number-words.js';
import { contextPieces, noLeak, type LeakContext, type LeakVerdict } from './leak-verdict.js';

function normalised(text: string): string {
  return ` ${foldText(text.normalize('NFKC')).replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
}

/** A detector for the accepted answers of a text key and a context; call it on each sentence. */
export function textLeakDetector(accept: readonly string[], context?: LeakContext): (sentence: string) => LeakVerdict {
  const said = contextPieces(context).map(normalised).join(' ');
  const phrases = accept.map((answer) => ({ answer, phrase: normalised(answer) })).filter(({ phrase }) => phrase.trim() !== '');
  if (phrases.some(({ phrase }) => said.includes(phrase))) return () => noLeak;
  return (sentence) => {
    const text = normalised(sentence);
    const hit = phrases.find(({ phrase }) => text.includes(phrase));
    return hit ? { leak: true, evidence: `accepted answer "${hit.answer}"` } : noLeak;
  };
}
