import { describe, expect, it } from 'vitest';
import type { OatutorHint } from './oatutor-schema.js';
import { orderPathway, revealsAnswer } from './order-pathway.js';

const hint = (id: string, dependencies: string[] = []): OatutorHint => ({
  id, type: 'hint', title: '', text: id, dependencies, variabilization: {}, problemType: '', answerType: '', hintAnswer: [], choices: [], subHints: [], oer: '', license: '',
});

describe('orderPathway', () => {
  it('puts each hint after the hints it depends on, else keeps OATutor\'s order', () => {
    const ordered = orderPathway([hint('h2', ['h1']), hint('h1'), hint('h3', ['h2']), hint('h4')]);
    expect(ordered.map((h) => h.id)).toEqual(['h1', 'h2', 'h3', 'h4']);
  });

  it('keeps list order when dependencies form a cycle or name missing hints', () => {
    expect(orderPathway([hint('a', ['b']), hint('b', ['a'])]).map((h) => h.id)).toEqual(['a', 'b']);
    expect(orderPathway([hint('a', ['gone']), hint('b', ['a'])]).map((h) => h.id)).toEqual(['a', 'b']);
  });
});

describe('revealsAnswer', () => {
  it('sees a long answer anywhere in the hint', () => {
    expect(revealsAnswer('So the derivative is $$-3\\cos\\left(x\\right)$$.', ['$$-3\\cos\\left(x\\right)$$'])).toBe(true);
    expect(revealsAnswer('Use the chain rule.', ['$$-3\\cos\\left(x\\right)$$'])).toBe(false);
  });

  it('counts a short number only where it is stated, not inside x^2', () => {
    expect(revealsAnswer('Square it: $$x^2$$ grows fast.', ['2'])).toBe(false);
    expect(revealsAnswer('Therefore $$x=2$$', ['2'])).toBe(true);
    expect(revealsAnswer('The base is 5', ['$$5$$'])).toBe(true);
    expect(revealsAnswer('So the answer is 25.', ['$$2$$'])).toBe(false);
  });

  it('sees an answer with several parts when every part is stated', () => {
    const answer = '$$x=-1$$ or $$x=-3$$';
    expect(revealsAnswer('$$x+3=0$$ if and only if $$x=-3;$$ $$x+1=0$$ if and only if $$x=-1$$.', [answer])).toBe(true);
    expect(revealsAnswer('$$x+3=0$$ if and only if $$x=-3$$', [answer])).toBe(false);
  });
});
