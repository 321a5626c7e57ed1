import { describe, expect, it } from 'vitest';
import { findWordNumbers } from './number-words.js';

const values = (text: string) => findWordNumbers(text).map((found) => found.value);

describe('numbers written in words', () => {
  it.each([
    ['The slope is twenty-two and a half.', [22.5]],
    ['two hundred and five thousand', [205000]],
    ['Son doscientos treinta y dos.', [232]],
    ['quatre-vingt-dix-sept', [97]],
    ['soixante-dix', [70]],
    ['vingt et un', [21]],
    ['Die Antwort ist zweiundvierzig.', [42]],
    ['zweieinhalb', [2.5]],
    ['cento e cinco', [105]],
    ['dezesseis', [16]],
    ['zero point five', [0.5]],
    ['cero coma veinticinco', [0.25]],
    ['three over four', [0.75]],
    ['dois terços', [2 / 3]],
    ['ein Drittel', [1 / 3]],
    ['menos dieciséis', [-16]],
    ['two three', [2, 3]],
    ['la respuesta es once', [11]],
    ['once you have it', []],
    ['die Antwort ist null', [0]],
    ['a null pointer', []],
    ['un vecteur et une matrice', []],
    ['a third of the way', [1 / 3]],
  ] as const)('%s → %j', (text, expected) => {
    expect(values(text)).toEqual(expected);
  });

  it('reports the words as written, accents and case kept', () => {
    expect(findWordNumbers('Es Veintidós.')).toEqual([{ value: 22, text: 'Veintidós' }]);
  });
});
