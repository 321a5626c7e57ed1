// The web app's interface text: every language has every key the English catalog has, no empty
// strings, and the same {{placeholders}}, so no learner ever sees a raw key or a missing name.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const folder = join(import.meta.dirname, '..', 'web', 'src', 'i18n');
const languages = ['en', 'es', 'fr', 'pt', 'hi', 'zh', 'ar', 'sw'];
const namespaces = ['common', 'learner'];

function flatten(value: unknown, prefix = ''): Map<string, unknown> {
  const entries = new Map<string, unknown>();
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) for (const [path, leaf] of flatten(child, prefix ? `${prefix}.${key}` : key)) entries.set(path, leaf);
  } else entries.set(prefix, value);
  return entries;
}

const catalog = (language: string, namespace: string) => flatten(JSON.parse(readFileSync(join(folder, language, `${namespace}.json`), 'utf8')));
const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((match) => match[1]).sort();

describe('web interface catalogs', () => {
  it('ship exactly the eight interface languages', () => {
    const found = readdirSync(folder, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    expect(found.sort()).toEqual([...languages].sort());
  });

  for (const namespace of namespaces) {
    const english = catalog('en', namespace);
    for (const language of languages.filter((code) => code !== 'en')) {
      it(`${language}/${namespace} has every English key, filled in, with the same placeholders`, () => {
        const translated = catalog(language, namespace);
        expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
        for (const [key, text] of translated) {
          expect(typeof text, `${language}/${namespace}: ${key}`).toBe('string');
          expect((text as string).trim(), `${language}/${namespace}: ${key} is empty`).not.toBe('');
          expect(placeholders(text as string), `${language}/${namespace}: ${key}`).toEqual(placeholders(english.get(key) as string));
        }
      });
    }
  }

  it('English has no empty strings', () => {
    for (const namespace of namespaces) for (const [key, text] of catalog('en', namespace)) expect(String(text).trim(), `${namespace}: ${key}`).not.toBe('');
  });
});
