import { describe, expect, it } from 'vitest';
import { excerptChunk, splitParagraphs } from './excerpt-chunk.js';

const chunk = (text: string) => ({ id: 'l#s', lesson: 'l', heading: 'S', text, hash: 'h', tokens: 100 });

describe('excerptChunk', () => {
  it('keeps the paragraph that shares the question\'s words, in any script', () => {
    const hindi = chunk('सीमा का अर्थ है कि मान किसी संख्या के पास पहुँचता है।\n\nअवकलज परिवर्तन की दर है।');
    expect(excerptChunk(hindi, 'अवकलज क्या है?', 20)).toBe('[l#s] S\n…\nअवकलज परिवर्तन की दर है।');
    const swedish = chunk('Gränsvärdet är talet som kvoten närmar sig.\n\nDerivatan är förändringshastigheten i en punkt.');
    expect(excerptChunk(swedish, 'Vad är förändringshastigheten?', 15)).toBe('[l#s] S\n…\nDerivatan är förändringshastigheten i en punkt.');
  });

  it('keeps a fenced code block whole, blank lines and all', () => {
    const text = 'Train it:\n\n```python\nw = 0.5\n\nfor step in range(10):\n    pass\n```\n\n~~~\n```\n\n~~~\n\nDone.';
    expect(splitParagraphs(text)).toEqual(['Train it:', '```python\nw = 0.5\n\nfor step in range(10):\n    pass\n```', '~~~\n```\n\n~~~', 'Done.']);
  });
});
