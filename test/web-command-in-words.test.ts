// A learner's /answer and /hint read as words in the chat and in the teacher's conversations.
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { commandInWords } from '../web/src/ui/command-in-words.js';
import en from '../web/src/i18n/en/learner.json' with { type: 'json' };
import es from '../web/src/i18n/es/learner.json' with { type: 'json' };

const i18n = i18next.createInstance();
await i18n.init({ lng: 'es', fallbackLng: 'en', resources: { en: { learner: en }, es: { learner: es } }, interpolation: { escapeValue: false } });
const t = i18n.getFixedT('es');

describe('commandInWords', () => {
  it('says what an answer and a hint request stand for, in the interface language', () => {
    expect(commandInWords('/answer 4', t)).toBe('Mi respuesta: 4');
    expect(commandInWords('/hint', t)).toBe('Una pista, por favor.');
    expect(commandInWords('/answer def f(x):\n    return 2 * x', t)).toBe('Mi respuesta:\n\n```\ndef f(x):\n    return 2 * x\n```');
  });

  it('leaves a message and other commands as the learner wrote them', () => {
    expect(commandInWords('What is a limit?', t)).toBe('What is a limit?');
    expect(commandInWords('/lesson chain-rule', t)).toBe('/lesson chain-rule');
    expect(commandInWords('/answers are hard', t)).toBe('/answers are hard');
  });
});
