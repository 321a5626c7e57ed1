import { describe, expect, it } from 'vitest';
import { checkChoice } from './check-choice.js';
import { checkText, normaliseText } from './check-text.js';

const textKey = { accept: ['Gradient descent'], patterns: [], caseSensitive: false, ignoreDiacritics: true };

describe('checkText', () => {
  it('ignores case, extra spaces, punctuation and (by default) diacritics', () => {
    for (const answer of ['gradient descent', '  Gradient   Descent. ', 'GRADIENT-DESCENT', 'grádient descent!']) {
      expect(checkText(textKey, answer).verdict).toBe('correct');
    }
    expect(checkText(textKey, 'gradient ascent').verdict).toBe('incorrect');
  });

  it('keeps diacritics and case when the teacher asks', () => {
    const strict = { accept: ['Café'], patterns: [], caseSensitive: true, ignoreDiacritics: false };
    expect(checkText(strict, 'Café').verdict).toBe('correct');
    expect(checkText(strict, 'Cafe').verdict).toBe('incorrect');
    expect(checkText(strict, 'café').verdict).toBe('incorrect');
    expect(checkText(strict, 'Cafe\u0301').verdict).toBe('correct'); // the same letter in decomposed form
  });

  it('matches teacher patterns against the whole normalised answer', () => {
    const key = { accept: [], patterns: ['(the )?chain rule', 'colou?r'], caseSensitive: false, ignoreDiacritics: true };
    expect(checkText(key, 'The Chain Rule').verdict).toBe('correct');
    expect(checkText(key, 'color').verdict).toBe('correct');
    expect(checkText(key, 'not the chain rule').verdict).toBe('incorrect');
  });

  it('skips a broken pattern instead of failing the learner', () => {
    const key = { accept: ['yes'], patterns: ['(unclosed'], caseSensitive: false, ignoreDiacritics: true };
    expect(checkText(key, 'yes').verdict).toBe('correct');
    expect(checkText(key, 'no').verdict).toBe('incorrect');
  });

  it('asks for a word when the answer is empty', () => {
    expect(checkText(textKey, ' ... ').verdict).toBe('unparseable');
    expect(normaliseText('Ça  va?', { caseSensitive: false, ignoreDiacritics: true })).toBe('ca va');
    expect(normaliseText('well-known -5', { caseSensitive: false, ignoreDiacritics: true })).toBe('well known -5');
  });
});

describe('checkChoice', () => {
  const single = { multiple: false, choices: [{ id: 'a', text: 'Two' }, { id: 'b', text: 'Four' }, { id: 'c', text: 'Six' }] };
  const multiple = { multiple: true, choices: [{ id: 'relu', text: 'ReLU' }, { id: 'sigmoid', text: 'Sigmoid' }, { id: 'square', text: 'x squared' }] };

  it('accepts the letter, the 1-based number, the id or the text', () => {
    for (const answer of ['b', 'B', '2', 'four', 'Four.', '(b)', ['b'], 'Ｂ', '٢', '２']) {
      expect(checkChoice(single, ['b'], answer).verdict).toBe('correct');
    }
    expect(checkChoice(single, ['b'], 'a').verdict).toBe('incorrect');
  });

  it('reads an answer that is a choice text as that text, even when it looks like a number', () => {
    const numbers = { multiple: false, choices: [{ id: 'a', text: '0' }, { id: 'b', text: '1' }, { id: 'c', text: '2' }] };
    expect(checkChoice(numbers, ['b'], '1').verdict).toBe('correct');
    expect(checkChoice(numbers, ['b'], 'b').verdict).toBe('correct');
    expect(checkChoice(numbers, ['b'], '0').verdict).toBe('incorrect');
  });

  it('keeps signs when matching a typed choice text, and prefers the exact text', () => {
    const signs = { multiple: false, choices: [{ id: 'a', text: '$$\\frac{1}{2} sin(x)$$' }, { id: 'b', text: '$$\\frac{-1}{2} sin(x)$$' }] };
    expect(checkChoice(signs, ['a'], '$\\frac{-1}{2} sin(x)$').verdict).toBe('incorrect');
    expect(checkChoice(signs, ['a'], '$\\frac{1}{2} sin(x)$').verdict).toBe('correct');
    const shouting = { multiple: false, choices: [{ id: 'a', text: 'CHOCOLATE!' }, { id: 'b', text: 'CHOCOLATE!!!!!' }] };
    expect(checkChoice(shouting, ['b'], 'CHOCOLATE!!!!!').verdict).toBe('correct');
    expect(checkChoice(shouting, ['b'], 'CHOCOLATE!').verdict).toBe('incorrect');
    expect(checkChoice(shouting, ['b'], 'chocolate').verdict).toBe('unparseable'); // could be either
  });

  it('is order-insensitive for multiple answers and gives partial credit for a correct subset', () => {
    expect(checkChoice(multiple, ['relu', 'sigmoid'], ['sigmoid', 'relu']).verdict).toBe('correct');
    expect(checkChoice(multiple, ['relu', 'sigmoid'], 'b, a').verdict).toBe('correct');
    expect(checkChoice(multiple, ['relu', 'sigmoid'], '2 and 1').verdict).toBe('correct');
    // as learners write a list in their own language
    for (const answer of ['a，b', 'a、b', 'a 和 b', 'a y b', 'a et b', 'a e b', 'a na b', 'a و b', 'a، b']) expect(checkChoice(multiple, ['relu', 'sigmoid'], answer).verdict, answer).toBe('correct');
    expect(checkChoice(multiple, ['relu', 'sigmoid'], 'a or b').verdict).toBe('unparseable'); // not a list of picks
    expect(checkChoice(multiple, ['relu', 'sigmoid'], 'relu').verdict).toBe('partially-correct');
    expect(checkChoice(multiple, ['relu', 'sigmoid'], ['relu', 'square']).verdict).toBe('incorrect');
  });

  it('says which choices exist when the answer names none of them', () => {
    const verdict = checkChoice(single, ['b'], 'e');
    expect(verdict).toMatchObject({ verdict: 'unparseable', problem: { code: 'not-a-choice', values: { text: 'e' }, expected: { code: 'choice-one', values: { choices: ['a', 'b', 'c'] } } } });
    expect(checkChoice(single, ['b'], 'a, b').verdict).toBe('unparseable');
  });
});
