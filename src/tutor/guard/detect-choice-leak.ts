// Choice keys: the correct choice's letter or text stated as the answer ("the answer is b",
// "(b)", "option B", "go with b", "la respuesta es la b"). A sentence that lists the options
// again without singling out the correct one is not a leak, nor is confirming the learner's own pick.
import type { GuardChoice } from './guard-key.js';
import { foldText } from './number-words.js';
import { contextPieces, noLeak, type LeakContext, type LeakVerdict } from './leak-verdict.js';

export interface ChoiceGuardKey {
  correct: GuardChoice[];
  choices: GuardChoice[]; // every choice, when known
}

// words that single a choice out as the answer, in English, Spanish, French, Portuguese and German (folded: no accents)
const pointers = String.raw`answer|answer is|the answer is|option|choice|alternative|letter|go with|pick|choose|select|mark|it'?s|it is|respuesta|la respuesta es|opcion|eleccion|elige|escoge|marca|es la|reponse|la reponse est|choix|choisis|choisissez|prends|c'?est|c'?est la|resposta|a resposta e|opcao|alternativa|escolha|marque|e a|antwort|die antwort ist|wahl|wahle|nimm|ist|lettre|letra|buchstabe`;
const verdicts = String.raw`correct|right|the answer|the right one|correcta|correcto|la correcta|la buena|correcte|la bonne|juste|certa|correta|a certa|a correta|richtig|die richtige`;
const copulas = String.raw`is|es|est|e|ist|sera|will be`;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** True when `letter` is stated as the answer in the folded sentence. */
function letterStated(folded: string, letter: string): boolean {
  const mark = String.raw`(?:\(${letter}\)|\*\*${letter}\*\*|"${letter}"|'${letter}'|${letter}\)|${letter})`;
  const ends = String.raw`(?=\s*(?:$|[.,;:!?)]|\s(?:${copulas}|because|since|porque|parce|weil|pois|not|no|pas|nicht|nao)\b))`;
  const before = new RegExp(String.raw`(?:^|[\s(¿¡"])(?:${pointers})\s*(?:(?:${copulas})\s+)?:?\s*(?:la\s|le\s|a\s|o\s|el\s|die\s)?${mark}${ends}`);
  const after = new RegExp(String.raw`(?:^|[\s(¿¡"])(?:option\s|opcion\s|la\s|le\s|a\s|o\s)?${mark}\s+(?:${copulas})\s+(?:${verdicts})\b`);
  return before.test(folded) || after.test(folded);
}

/** Letters the sentence marks as options: "(a)", "b)" at the start of a line, "option c"; math and code are left out. */
function markedLetters(folded: string): Set<string> {
  const letters = new Set<string>();
  for (const match of withoutMathAndCode(folded).matchAll(/(?:^|[\s*])(?:\(([a-h])\)|(?<=^\s*|\n\s*)([a-h])\)|(?:option|opcion|opcao|choice|alternativa)\s+([a-h])\b)/g)) {
    letters.add((match[1] ?? match[2] ?? match[3])!);
  }
  return letters;
}

/** The sentence without $…$ math and `…` code, where letters are variables, not choices. */
function withoutMathAndCode(text: string): string {
  return text.replace(/```[\s\S]*?```|`[^`]*`|\$\$[\s\S]+?\$\$|\$[^$]+\$|\\\([\s\S]+?\\\)/g, ' ; ');
}

/** True when the sentence starts with an option marker, as a list of options does: "(b) x^2", "**b)** 2x". */
function startsWithOption(folded: string): boolean {
  return /^[\s*_]*(?:\(?[a-h]\))[\s*_]*\S/.test(folded);
}

function normalised(text: string): string {
  return ` ${foldText(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
}

const textVerdict = /\b(answer|correct|right|respuesta|correcta|correcto|reponse|bonne|correcte|resposta|certa|correta|antwort|richtig|richtige|go with|pick|choose|elige|choisis|escolha|wahle)\b/;

/** True when the correct choice's text is stated as the answer (its text alone, or with a verdict word), and no other choice is named. */
function textStated(sentence: string, correct: GuardChoice, others: GuardChoice[]): boolean {
  if (correct.text.trim().length < 2) return false;
  const said = normalised(sentence);
  const text = normalised(correct.text);
  if (!said.includes(text)) return false;
  if (others.some((other) => other.text.trim().length >= 2 && said.includes(normalised(other.text)))) return false;
  const rest = said.replace(text, ' ').replace(/\b(it s|it is|so|then|yes|si|oui|sim|ja|ok|the|la|le|el|a|o|es|est|e|ist)\b/g, ' ').trim();
  return rest === '' || textVerdict.test(foldText(sentence));
}

/** A detector for one choice key and context; call it on each sentence. */
export function choiceLeakDetector(key: ChoiceGuardKey, context?: LeakContext): (sentence: string) => LeakVerdict {
  const correctLetters = key.correct.map((choice) => choice.letter).filter((letter) => letter !== '');
  const wrong = key.choices.filter((choice) => !key.correct.some((right) => right.id === choice.id));
  // the learner's own pick: a short piece of context naming the correct choice and no other, which is not an option line
  const picked = contextPieces(context).some((piece) => {
    if (piece.length > 120) return false;
    const folded = foldText(piece);
    if (/^\(?[a-h][).]\s+\S/.test(folded)) return false; // "(b) 2x": an option as the problem lists it
    const marks = markedLetters(folded);
    const namesCorrect = correctLetters.some((letter) => new RegExp(String.raw`(?:^|[\s("'])\(?${letter}\)?(?=$|[\s.,;:!?)"'])`).test(folded) && (letter !== 'a' || /(?:^|\s)\(?a\)?\s*[.!?]?$/.test(folded)))
      || key.correct.some((choice) => textStated(piece, choice, wrong) || normalised(piece) === normalised(choice.text));
    const namesWrong = [...marks].some((letter) => !correctLetters.includes(letter));
    return namesCorrect && !namesWrong;
  });
  if (picked) return () => noLeak;
  return (sentence) => {
    const folded = withoutMathAndCode(foldText(sentence));
    for (const letter of correctLetters) {
      if (letterStated(folded, escape(letter))) return { leak: true, evidence: `choice ${letter} stated as the answer` };
    }
    // a sentence that is only the letter: "B.", "**(b)**"
    const bare = /^[\s*_"'(]*([a-z])[\s*_"').!]*$/.exec(folded)?.[1];
    if (bare && correctLetters.includes(bare)) return { leak: true, evidence: `choice ${bare} given alone` };
    const marks = markedLetters(folded);
    const lone = correctLetters.find((letter) => marks.has(letter));
    if (lone && marks.size === 1 && !startsWithOption(folded)) return { leak: true, evidence: `choice (${lone}) singled out` };
    for (const choice of key.correct) {
      if (textStated(sentence, choice, wrong)) return { leak: true, evidence: `the text of choice ${choice.letter || choice.id}, "${choice.text}", stated as the answer` };
    }
    return noLeak;
  };
}
