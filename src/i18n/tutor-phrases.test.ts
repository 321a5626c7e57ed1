// The tutor's own words: every catalog says every English phrase, with the same placeholders, and a
// learner's language tag finds its catalog (or English when Primer has none for it).
import { describe, expect, it } from 'vitest';
import { languageNameIn, phraseCatalogs, phrasesFor } from './tutor-phrases.js';

const flatten = (catalog: Record<string, Record<string, string>>): [string, string][] => Object.entries(catalog).flatMap(([group, phrases]) => Object.entries(phrases).map(([key, text]): [string, string] => [`${group}.${key}`, text]));
const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((match) => match[1]).sort();

describe('tutor phrases', () => {
  const english = new Map(flatten(phraseCatalogs.en!));

  it('come in the eight interface languages', () => {
    expect(Object.keys(phraseCatalogs).sort()).toEqual(['ar', 'en', 'es', 'fr', 'hi', 'pt', 'sw', 'zh']);
  });

  // A plural phrase has exactly the forms its language's plural rules use (i18next falls back to English for a missing one).
  const pluralForm = /_(zero|one|two|few|many|other)$/;
  const expectedKeys = (language: string) =>
    [...new Set([...english.keys()].map((key) => key.replace(pluralForm, '')))]
      .flatMap((key) => (english.has(key) ? [key] : new Intl.PluralRules(language).resolvedOptions().pluralCategories.map((form) => `${key}_${form}`)))
      .sort();
  const withoutCount = (text: string) => placeholders(text).filter((name) => name !== 'count');

  for (const [language, catalog] of Object.entries(phraseCatalogs)) {
    it(`${language} says every English phrase, filled in, with the same placeholders and its own plural forms`, () => {
      const translated = new Map(flatten(catalog));
      expect([...translated.keys()].sort()).toEqual(expectedKeys(language));
      for (const [key, text] of translated) {
        expect(text.trim(), `${language}: ${key}`).not.toBe('');
        const base = key.replace(pluralForm, '');
        if (base === key) expect(placeholders(text), `${language}: ${key}`).toEqual(placeholders(english.get(key)!));
        else expect(withoutCount(text), `${language}: ${key}`).toEqual(withoutCount(english.get(`${base}_other`)!)); // "one" may say the number in words
      }
    });
  }

  it("finds the catalog of a learner's language tag, and falls back to English", () => {
    expect(phrasesFor('pt-BR')('because.start', { lesson: 'Derivadas' })).toBe('Vamos começar com Derivadas.');
    expect(phrasesFor('pt-BR').language).toBe('pt');
    expect(phrasesFor('zh-Hans-CN')('notice.no-such-exercise', { id: 'e1' })).toBe('本课程中没有“e1”这道练习。');
    const german = phrasesFor('de');
    expect(german.language).toBe('en');
    expect(german('reply.language-switched', { language: languageNameIn('de', german.language) })).toBe("From now on I'll reply in German.");
    expect(phrasesFor('es')('reply.language-switched', { language: languageNameIn('es', 'es') })).toBe('A partir de ahora responderé en español.');
  });

  it('says a count in the plural form of the language', () => {
    expect(phrasesFor('en')('notice.hint-locked', { count: 1 })).toBe('This hint gives the answer away, so it opens after 1 more attempt of your own.');
    expect(phrasesFor('en')('notice.hint-locked', { count: 2 })).toBe('This hint gives the answer away, so it opens after 2 more attempts of your own.');
    expect(phrasesFor('ar')('notice.hint-locked', { count: 2 })).toBe('هذا التلميح يكشف الإجابة، لذا يُفتح بعد محاولتين أخريين منك.');
    expect(phrasesFor('es')('notice.hint-locked', { count: 1_000_000 })).toContain('1000000 intentos más');
  });
});
