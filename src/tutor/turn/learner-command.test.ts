import { describe, expect, it } from 'vitest';
import { parseLearnerCommand } from './learner-command.js';

describe('a line a learner types', () => {
  it('is a command with its action, a message, or a usage error', () => {
    expect(parseLearnerCommand('/answer 6 * x')).toEqual({ text: '/answer 6 * x', action: { type: 'answer', answer: '6 * x' } });
    expect(parseLearnerCommand('  /lang es ')).toEqual({ text: '/lang es', action: { type: 'language', language: 'es' } });
    expect(parseLearnerCommand('/hint')).toMatchObject({ action: { type: 'hint' } });
    expect(parseLearnerCommand('/lesson')).toEqual({ error: 'usage: /lesson <lesson id>' });
    expect(parseLearnerCommand('/lang Spanish')).toMatchObject({ error: expect.stringContaining('usage: /lang') });
    expect(parseLearnerCommand('/dance')).toMatchObject({ error: expect.stringContaining('unknown command /dance') });
    expect(parseLearnerCommand('What is a sum?')).toEqual({ text: 'What is a sum?' });
    expect(parseLearnerCommand('//not a command')).toEqual({ text: '//not a command' });
  });

  it('keeps an answer as written, lines and indentation included (code)', () => {
    expect(parseLearnerCommand('/answer def double(x):\n    return 2 * x')).toMatchObject({ action: { type: 'answer', answer: 'def double(x):\n    return 2 * x' } });
    expect(parseLearnerCommand('/answer\ta,  c')).toMatchObject({ action: { type: 'answer', answer: 'a,  c' } });
  });
});
