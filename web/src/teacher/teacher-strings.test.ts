// Every interface language has every teacher string, with the plural forms that language needs.
import { describe, expect, it } from 'vitest';
import ar from './i18n/ar.json';
import en from './i18n/en.json';
import es from './i18n/es.json';
import fr from './i18n/fr.json';
import hi from './i18n/hi.json';
import pt from './i18n/pt.json';
import sw from './i18n/sw.json';
import zh from './i18n/zh.json';

const catalogs: Record<string, unknown> = { es, fr, pt, hi, zh, ar, sw };
const pluralSuffix = /_(zero|one|two|few|many|other)$/;

function flatten(value: unknown, prefix = ''): Map<string, string> {
  const keys = new Map<string, string>();
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof child === 'string') keys.set(path, child);
    else for (const [inner, text] of flatten(child, path)) keys.set(inner, text);
  }
  return keys;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1] ?? '').sort();
}

describe('teacher strings', () => {
  const english = flatten(en);
  const singular = [...english.keys()].filter((key) => !pluralSuffix.test(key));
  const plural = [...new Set([...english.keys()].filter((key) => pluralSuffix.test(key)).map((key) => key.replace(pluralSuffix, '')))];

  for (const [language, catalog] of Object.entries(catalogs)) {
    it(`${language} has every string, each plural form, and the same placeholders`, () => {
      const strings = flatten(catalog);
      const missing = singular.filter((key) => !strings.get(key));
      const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      for (const base of plural) for (const category of categories) if (!strings.get(`${base}_${category}`)) missing.push(`${base}_${category}`);
      expect(missing).toEqual([]);
      for (const key of singular) expect(placeholders(strings.get(key) ?? ''), `${language} ${key}`).toEqual(placeholders(english.get(key) ?? ''));
      const extra = [...strings.keys()].filter((key) => !english.has(key) && !plural.includes(key.replace(pluralSuffix, '')));
      expect(extra).toEqual([]);
    });
  }
});
