import { describe, expect, it } from 'vitest';
import { createSentenceSplitter, splitSentences } from './split-sentences.js';

const trimmed = (sentences: string[]) => sentences.map((sentence) => sentence.trim());

describe('splitting a reply into sentences', () => {
  it('ends sentences at . ! ? followed by a space, and keeps decimals and abbreviations inside', () => {
    expect(trimmed(splitSentences('The slope is 3.5 here. Is that clear? Try it, e.g. with x = 2! Then compare with Fig. 2 vs. the table.'))).toEqual([
      'The slope is 3.5 here.',
      'Is that clear?',
      'Try it, e.g. with x = 2!',
      'Then compare with Fig. 2 vs. the table.',
    ]);
  });

  it('keeps a code fence whole, with the periods and blank lines inside it', () => {
    const reply = 'Look at this.\n```python\ndef f(x):\n    y = x * 2.\n\n    return y\n```\nWhat does it return?';
    expect(trimmed(splitSentences(reply))).toEqual(['Look at this.', '```python\ndef f(x):\n    y = x * 2.\n\n    return y\n```', 'What does it return?']);
  });

  it('keeps display math whole and does not split inside inline math', () => {
    expect(trimmed(splitSentences('We have $$f(x) = x^2. \\quad g(x) = 3.$$ Now $a. b$ is odd. Done.'))).toEqual([
      'We have $$f(x) = x^2. \\quad g(x) = 3.$$ Now $a. b$ is odd.',
      'Done.',
    ]);
  });

  it('splits Chinese and Japanese full stops without spaces, and line breaks', () => {
    expect(trimmed(splitSentences('先求导。然后代入！好吗？\n- first step\n- second step'))).toEqual(['先求导。', '然后代入！', '好吗？', '- first step', '- second step']);
  });

  it('joins a soft-wrapped line to its sentence, so an answer split over two lines is checked whole', () => {
    expect(trimmed(splitSentences("So f'(x) = 2x\ncos(x^2), and that is all.\n\nNext paragraph."))).toEqual(["So f'(x) = 2x\ncos(x^2), and that is all.", 'Next paragraph.']);
  });

  it('does not end a sentence at a numbered list marker or an initial', () => {
    expect(trimmed(splitSentences('1. Differentiate first. As J. Smith says, go slowly.'))).toEqual(['1. Differentiate first.', 'As J. Smith says, go slowly.']);
  });

  it('yields each sentence as soon as it is complete while the reply streams in', () => {
    const splitter = createSentenceSplitter();
    expect(splitter.push('The value is 3')).toEqual([]);
    expect(splitter.push('.')).toEqual([]); // "3." may still become "3.5"
    expect(splitter.push('5 at x')).toEqual([]);
    expect(splitter.push(' = 1. Next')).toEqual(['The value is 3.5 at x = 1.']);
    expect(splitter.push(' one?')).toEqual([]);
    expect(splitter.push(' ')).toEqual([' Next one?']);
    expect(splitter.push('```js\nlet a = 1.')).toEqual([]);
    expect(splitter.push(' ')).toEqual([]);
    expect(splitter.push('\n```\n')).toEqual([' ```js\nlet a = 1. \n```\n']);
    expect(splitter.push('Last words')).toEqual([]);
    expect(splitter.end()).toEqual(['Last words']);
  });

  it('loses no text: the sentences join back into the reply', () => {
    const reply = 'Hi there.  The value is 3.5 e.g. here.\n\n```py\nx = 1.\n```\nThen $$a. b$$ ok. 1. first';
    expect(splitSentences(reply).join('')).toBe(reply.slice(0, reply.length));
  });
});
