// The words of numbers in English, Spanish, French, Portuguese and German, folded (no case, no
// accents), and what each one does in a number: a unit, a multiplier, a separator, a fraction.

export type Word =
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
export const ambiguous: Record<string, RegExp> = {
  once: /\b(es|la|el|que|respuesta|resultado|son|vale|da)\b/,
  null: /\b(ist|die|der|das|und|ergebnis|antwort|gleich)\b/,
  cent: /\b(est|le|la|les|reponse|resultat|vaut|egal|ca|fait|font|coute|donne|sont)\b/,
  cents: /\b(est|le|la|les|reponse|resultat|vaut|egal|ca|fait|font|coute|donne|sont)\b/,
  sept: /\b(est|le|la|les|reponse|resultat|vaut|egal|ca|fait|font|coute|donne|sont)\b/,
  seize: /\b(est|le|la|les|reponse|resultat|vaut|egal|ca|fait|font|coute|donne|sont)\b/,
  elf: /\b(ist|die|der|das|und|ergebnis|antwort|gleich)\b/,
  dos: /\b(es|la|el|que|respuesta|resultado|son|vale|da|y)\b/,
};

export function lookUp(word: string): Word | undefined {
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
export function segmentGerman(word: string): string[] | undefined {
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
