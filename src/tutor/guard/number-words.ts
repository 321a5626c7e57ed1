// Numbers written in words, in English, Spanish, French, Portuguese and German: "twelve",
// "one half", "zero point five", "veintidós", "quatre-vingt-dix", "zweiundvierzig", "dois terços".
// Text is compared without case or diacritics, so "zwölf" and "zwolf" read the same.

type Word =
  | { kind: 'unit'; value: number } // 0–99 and the Spanish/Portuguese hundreds (doscientos = 200)
  | { kind: 'hundred' } // multiplies what comes before it: "two hundred", "deux cents"
  | { kind: 'scale'; value: number } // thousand, million: closes a group
  | { kind: 'and' } // "y", "et", "e", "und", "and"
  | { kind: 'point' } // decimal separator word
  | { kind: 'fraction'; value: number; half?: boolean } // denominators: "third" → 3, "half" → 2
  | { kind: 'minus' }
  | { kind: 'article' } // "a", "un", "ein": one, but only before a fraction, hundred or scale
  | { kind: 'over' };

const units: Record<string, number> = {};
function addUnits(words: string, start = 0, step = 1): void {
  words.split(' ').forEach((word, index) => {
    for (const spelling of word.split('/')) units[spelling] = start + index * step;
  });
}
// English
addUnits('zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen');
addUnits('twenty thirty forty fifty sixty seventy eighty ninety', 20, 10);
// Spanish
addUnits('cero uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince dieciseis diecisiete dieciocho diecinueve veinte');
addUnits('veintiuno veintidos veintitres veinticuatro veinticinco veintiseis veintisiete veintiocho veintinueve', 21);
addUnits('treinta cuarenta cincuenta sesenta setenta ochenta noventa', 30, 10);
addUnits('cien/ciento doscientos/doscientas trescientos/trescientas cuatrocientos/cuatrocientas quinientos/quinientas seiscientos/seiscientas setecientos/setecientas ochocientos/ochocientas novecientos/novecientas', 100, 100);
units['veintiun'] = 21;
// French
addUnits('zero un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize dix-sept dix-huit dix-neuf vingt');
addUnits('trente quarante cinquante soixante', 30, 10);
// Portuguese
addUnits('zero um dois tres quatro cinco seis sete oito nove dez onze doze treze quatorze/catorze quinze dezesseis/dezasseis dezessete/dezassete dezoito dezenove/dezanove vinte');
addUnits('trinta quarenta cinquenta sessenta setenta oitenta noventa', 30, 10);
addUnits('cem/cento duzentos/duzentas trezentos/trezentas quatrocentos/quatrocentas quinhentos/quinhentas seiscentos/seiscentas setecentos/setecentas oitocentos/oitocentas novecentos/novecentas', 100, 100);
units['duas'] = 2;
for (const article of ['un', 'um']) delete units[article]; // articles as often as numbers: see `articles`
// German
addUnits('null eins zwei drei vier funf sechs sieben acht neun zehn elf zwolf dreizehn vierzehn funfzehn sechzehn siebzehn achtzehn neunzehn zwanzig');
addUnits('dreissig vierzig funfzig sechzig siebzig achtzig neunzig', 30, 10);
units['dreißig'] = 30;

const fractions: Record<string, number> = {};
for (const [words, value] of [
  ['half halves medio medios demi demie demis meio meios halb halbe halben einhalb', 2],
  ['third thirds tercio tercios tiers terco tercos drittel', 3],
  ['quarter quarters fourth fourths cuarto cuartos quart quarts quarto quartos viertel', 4],
  ['fifth fifths quinto quintos cinquieme cinquiemes funftel', 5],
  ['sixth sixths sexto sextos sixieme sixiemes sechstel', 6],
  ['seventh sevenths septimo septimos setimo setimos septieme septiemes siebtel', 7],
  ['eighth eighths octavo octavos oitavo oitavos huitieme huitiemes achtel', 8],
  ['ninth ninths noveno novenos nono nonos neuvieme neuviemes neuntel', 9],
  ['tenth tenths decimo decimos dixieme dixiemes zehntel', 10],
  ['hundredth hundredths centesimo centesimos centieme centiemes hundertstel', 100],
] as const) {
  for (const word of words.split(' ')) fractions[word] = value;
}

const scales: Record<string, number> = {
  thousand: 1e3, mil: 1e3, mille: 1e3, mila: 1e3, tausend: 1e3,
  million: 1e6, millions: 1e6, millon: 1e6, millones: 1e6, milhao: 1e6, milhoes: 1e6, millionen: 1e6, milliarde: 1e9,
  billion: 1e9,
};
const hundreds = new Set(['hundred', 'hundreds', 'cent', 'cents', 'hundert']);
const ands = new Set(['and', 'y', 'et', 'e', 'und']);
const points = new Set(['point', 'punto', 'coma', 'virgule', 'virgula', 'komma']);
const minuses = new Set(['minus', 'negative', 'menos', 'moins', 'negativo', 'negatif', 'negativ']);
const articles = new Set(['a', 'an', 'un', 'une', 'una', 'um', 'uma', 'ein', 'eine', 'einen', 'einem']);
const overs = new Set(['over', 'sobre', 'sur']);

// Words that are number words in one language and ordinary words in another: read them as
// numbers only next to another number word or in a sentence of their language.
const ambiguous: Record<string, RegExp> = {
  once: /\b(es|la|el|que|respuesta|resultado|son|vale|da)\b/,
  null: /\b(ist|die|der|das|und|ergebnis|antwort|gleich)\b/,
  cent: /\b(est|le|la|les|reponse|resultat|vaut|egal|ca|fait|font|coute|donne|sont)\b/,
  cents: /\b(est|le|la|les|reponse|resultat|vaut|egal|ca|fait|font|coute|donne|sont)\b/,
  sept: /\b(est|le|la|les|reponse|resultat|vaut|egal|ca|fait|font|coute|donne|sont)\b/,
  seize: /\b(est|le|la|les|reponse|resultat|vaut|egal|ca|fait|font|coute|donne|sont)\b/,
  elf: /\b(ist|die|der|das|und|ergebnis|antwort|gleich)\b/,
  dos: /\b(es|la|el|que|respuesta|resultado|son|vale|da|y)\b/,
};

function lookUp(word: string): Word | undefined {
  if (word in units) return { kind: 'unit', value: units[word]! };
  if (hundreds.has(word)) return { kind: 'hundred' };
  if (word in scales) return { kind: 'scale', value: scales[word]! };
  if (ands.has(word)) return { kind: 'and' };
  if (points.has(word)) return { kind: 'point' };
  if (word in fractions) return { kind: 'fraction', value: fractions[word]! };
  if (minuses.has(word)) return { kind: 'minus' };
  if (articles.has(word)) return { kind: 'article' };
  if (overs.has(word)) return { kind: 'over' };
  return undefined;
}

// German writes numbers as one word: zweihundertdreiundvierzig = zwei|hundert|drei|und|vierzig.
const germanPieces = ['einhalb', 'ein', 'eins', 'zwei', 'drei', 'vier', 'funf', 'sechs', 'sieben', 'sieb', 'acht', 'neun', 'zehn', 'elf', 'zwolf', 'zwanzig', 'dreissig', 'vierzig', 'funfzig', 'sechzig', 'siebzig', 'achtzig', 'neunzig', 'hundert', 'tausend', 'und', 'sech'];
function segmentGerman(word: string): string[] | undefined {
  if (word.length < 6) return undefined;
  const walk = (rest: string): string[] | undefined => {
    if (rest === '') return [];
    for (const piece of germanPieces) {
      if (!rest.startsWith(piece)) continue;
      const tail = walk(rest.slice(piece.length));
      if (tail) return [piece, ...tail];
    }
    return undefined;
  };
  const pieces = walk(word);
  if (!pieces || pieces.length < 2) return undefined;
  // "sieb" and "sech" only occur before "zehn"/"zig" forms, which are whole pieces already
  return pieces.map((piece) => (piece === 'ein' ? 'eins' : piece)).filter((piece) => piece !== 'sieb' && piece !== 'sech');
}

export interface WordNumber {
  value: number;
  text: string; // the words as written
}

/** Lower-cases and strips diacritics; keeps letters, digits and the separators numbers use. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/ß/g, 'ss');
}

/**
 * Finds numbers written in words in `text`.
 * @example findWordNumbers('the slope is twenty-two and a half') // [{ value: 22.5, text: 'twenty-two and a half' }]
 */
export function findWordNumbers(text: string): WordNumber[] {
  const folded = foldText(text);
  const tokens: { word: string; parsed: Word; start: number; end: number }[] = [];
  for (const match of folded.matchAll(/[a-z]+/g)) {
    const word = match[0];
    const start = match.index;
    const end = start + word.length;
    const parsed = lookUp(word);
    if (parsed) {
      tokens.push({ word, parsed, start, end });
      continue;
    }
    const pieces = segmentGerman(word);
    if (pieces) for (const piece of pieces) tokens.push({ word: piece, parsed: lookUp(piece)!, start, end });
    else tokens.push({ word, parsed: { kind: 'and' }, start: -1, end: -1 }); // any other word ends a run
  }
  const results: WordNumber[] = [];
  let run: typeof tokens = [];
  const flush = () => {
    if (run.length > 0) results.push(...readRun(run, folded, text));
    run = [];
  };
  let previousEnd = -1;
  for (const token of tokens) {
    if (token.start < 0) {
      flush();
      previousEnd = -1;
      continue;
    }
    const gap = previousEnd < 0 ? '' : folded.slice(previousEnd, token.start);
    if (previousEnd >= 0 && !/^[\s-]*$/.test(gap)) flush();
    run.push(token);
    previousEnd = token.end;
  }
  flush();
  return results;
}

type Token = { word: string; parsed: Word; start: number; end: number };

/** Reads a run of number words, which may hold several numbers ("two three" is 2 and 3). */
function readRun(run: Token[], folded: string, original: string): WordNumber[] {
  const out: WordNumber[] = [];
  let index = 0;
  while (index < run.length) {
    const read = readNumber(run, index, folded);
    if (!read) {
      index++;
      continue;
    }
    const first = run[index]!;
    const last = run[read.end - 1]!;
    out.push({ value: read.value, text: original.slice(first.start, last.end) });
    index = read.end;
  }
  return out;
}

function readNumber(run: Token[], start: number, folded: string): { value: number; end: number } | undefined {
  let index = start;
  let sign = 1;
  if (run[index]?.parsed.kind === 'minus') {
    sign = -1;
    index++;
  }
  const cardinal = readCardinal(run, index);
  if (!cardinal) return undefined;
  let value = cardinal.value;
  index = cardinal.end;
  const words = cardinal.words;
  // decimals: "zero point five", "cero coma veinticinco"
  if (run[index]?.word === 'einhalb') {
    value += 0.5; // zweieinhalb
    index++;
  } else if (run[index]?.parsed.kind === 'point' && run[index + 1]?.parsed.kind === 'unit') {
    let digits = '';
    index++;
    while (run[index]?.parsed.kind === 'unit') {
      const unit = run[index]!.parsed as { value: number };
      if (unit.value >= 100) break;
      digits += String(unit.value);
      index++;
    }
    value = Number(`${Math.trunc(value)}.${digits}`);
  } else if (run[index]?.parsed.kind === 'fraction' && value < 100) {
    // "one third", "two thirds", "a half", "un demi"
    value = value / (run[index]!.parsed as { value: number }).value;
    index++;
  } else if (run[index]?.parsed.kind === 'over') {
    const denominator = readCardinal(run, index + 1);
    if (denominator && denominator.value !== 0) {
      value = value / denominator.value;
      index = denominator.end;
    }
  }
  // "two and a half", "deux et demi", "dois e meio", "zweieinhalb"
  if (run[index]?.parsed.kind === 'and' && ['article', 'unit'].includes(run[index + 1]?.parsed.kind ?? '') && run[index + 2]?.parsed.kind === 'fraction') {
    const numerator = run[index + 1]!.parsed.kind === 'article' ? 1 : (run[index + 1]!.parsed as { value: number }).value;
    value += numerator / (run[index + 2]!.parsed as { value: number }).value;
    index += 3;
  } else if (run[index]?.parsed.kind === 'and' && run[index + 1]?.parsed.kind === 'fraction' && (run[index + 1]!.parsed as { value: number }).value === 2) {
    value += 0.5; // "deux et demi", "dos y medio"
    index += 2;
  }
  // a lone article, or a lone ambiguous word outside its language, is not a number
  const used = run.slice(start, index);
  if (used.every((token) => token.parsed.kind === 'article' || token.parsed.kind === 'minus')) return undefined;
  if (words === 1 && used.length === 1) {
    const hint = ambiguous[used[0]!.word];
    if (hint && !hint.test(folded)) return undefined;
  }
  return { value: sign * value, end: index };
}

/** A whole number: "two hundred and thirty-four thousand five hundred", "quatre-vingt-dix". */
function readCardinal(run: Token[], start: number): { value: number; end: number; words: number } | undefined {
  let total = 0;
  let current = 0;
  let seen = false;
  let article = false;
  let lastUnit: number | undefined; // the value of the last unit word in this group, to tell "twenty three" from "three three"
  let index = start;
  for (; index < run.length; index++) {
    const { parsed, word } = run[index]!;
    if (parsed.kind === 'article') {
      if (seen) break;
      const next = run[index + 1]?.parsed.kind;
      if (next !== 'fraction' && next !== 'hundred' && next !== 'scale') break;
      current = 1;
      article = true;
      seen = true;
      continue;
    }
    if (parsed.kind === 'unit') {
      const value = parsed.value;
      if (lastUnit !== undefined) {
        const combines =
          (lastUnit >= 20 && lastUnit % 10 === 0 && lastUnit < 100 && value < 10) || // twenty three
          (lastUnit >= 100 && lastUnit % 100 === 0 && value < 100) || // doscientos treinta
          (lastUnit === 4 && value === 20) || // quatre-vingt
          (lastUnit === 80 && value < 20) || // quatre-vingt-dix
          (lastUnit === 60 && value >= 10 && value < 20) || // soixante-dix
          (lastUnit === 10 && value >= 7 && value <= 9); // dix-sept, quatre-vingt-dix-sept
        const germanOrder = lastUnit < 10 && value >= 20 && value < 100 && value % 10 === 0 && run[index - 1]?.word === 'und';
        if (!combines && !germanOrder) break;
        if (lastUnit === 4 && value === 20) {
          current += 76; // quatre (4) + vingt → 80
          lastUnit = 80;
          continue;
        }
      }
      current += value;
      lastUnit = value;
      seen = true;
      continue;
    }
    if (parsed.kind === 'hundred') {
      current = (current || 1) * 100;
      lastUnit = 100;
      seen = true;
      continue;
    }
    if (parsed.kind === 'scale') {
      total += (current || 1) * parsed.value;
      current = 0;
      lastUnit = undefined;
      seen = true;
      continue;
    }
    const following = run[index + 1]?.parsed;
    if (parsed.kind === 'and' && seen && lastUnit !== undefined && (following?.kind === 'unit' || (following?.kind === 'article' && run[index + 2]?.parsed.kind !== 'fraction'))) {
      const next = following.kind === 'unit' ? following.value : 1;
      // "thirty and two" is not a number; "treinta y dos", "vingt et un", "hundred and five", German "drei und zwanzig" are
      const fits = (lastUnit >= 20 && lastUnit % 10 === 0 && next < 10) || (lastUnit >= 100 && next < 100) || (lastUnit < 10 && next >= 20 && next % 10 === 0);
      if (fits && run[index + 2]?.parsed.kind !== 'fraction') {
        if (following.kind === 'article') {
          current += 1; // "vingt et un", "trente et une"
          lastUnit = 1;
          index++;
        }
        continue;
      }
    }
    break;
  }
  if (!seen) return undefined;
  return { value: total + current, end: index, words: article ? 2 : index - start };
}
