// The course map says why the next activity comes next in the learner's interface language.
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { nextReason } from '../web/src/learner/next-reason.js';
import en from '../src/i18n/phrases/en.json' with { type: 'json' };
import hi from '../src/i18n/phrases/hi.json' with { type: 'json' };

const i18n = i18next.createInstance();
await i18n.init({ lng: 'hi', fallbackLng: 'en', resources: { en: { tutor: en }, hi: { tutor: hi } }, defaultNS: 'learner', interpolation: { escapeValue: false } });
const titles = { skill: (id: string) => ({ chain: 'The chain rule', rules: 'Rules of differentiation' })[id] ?? id, lesson: (id: string) => (id === 'l3' ? 'The chain rule' : id) };

describe('nextReason', () => {
  it('says the reason in the interface language, with the course names filled in', () => {
    const hindi = i18n.getFixedT('hi');
    expect(nextReason({ code: 'practise', skill: 'chain', mastery: 0.42 }, hindi, titles)).toBe('चलिए The chain rule का अभ्यास करें — 42% पर यह वह कौशल है जिसमें आप अभी सबसे कम पक्के हैं।');
    expect(nextReason({ code: 'start', lesson: 'l3' }, hindi, titles)).toBe('चलिए The chain rule से शुरू करते हैं।');
    expect(nextReason({ code: 'first-practice', skill: 'chain' }, hindi, titles)).toBe('चलिए The chain rule पर एक अभ्यास करते हैं: आपने इसके बारे में पढ़ लिया है, अब आपकी बारी है।');
  });

  it('tells a review due today from one overdue by days, and names the prerequisite to strengthen', () => {
    const english = i18n.getFixedT('en');
    expect(nextReason({ code: 'review-due', skill: 'chain', days: 0 }, english, titles)).toBe("We'll review The chain rule first — it's due today.");
    expect(nextReason({ code: 'review-due', skill: 'chain', days: 3 }, english, titles)).toBe("We'll review The chain rule first — it was due 3 days ago.");
    expect(nextReason({ code: 'remediate', skill: 'chain', prerequisite: 'rules' }, english, titles)).toBe("The chain rule keeps going wrong, so let's strengthen Rules of differentiation, which it builds on.");
    expect(nextReason({ code: 'finished' }, english, titles)).toBeUndefined();
  });
});
