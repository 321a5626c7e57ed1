// The interface language: one i18next instance for both apps. Catalogs are JSON files,
// web/src/i18n/<language>/<namespace>.json, plus the tutor's phrases shared with the server
// (src/i18n/phrases, namespace 'tutor'); the teacher app adds its 'teacher' namespace with
// `i18n.addResourceBundle`. The choice is remembered in localStorage and sets <html lang dir>.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

export interface InterfaceLanguage {
  code: string;
  /** The language's name in its own script. */
  name: string;
  dir: 'ltr' | 'rtl';
}

export const supportedLanguages: InterfaceLanguage[] = [
  { code: 'en', name: 'English', dir: 'ltr' },
  { code: 'es', name: 'Español', dir: 'ltr' },
  { code: 'fr', name: 'Français', dir: 'ltr' },
  { code: 'pt', name: 'Português', dir: 'ltr' },
  { code: 'hi', name: 'हिन्दी', dir: 'ltr' },
  { code: 'zh', name: '中文', dir: 'ltr' },
  { code: 'ar', name: 'العربية', dir: 'rtl' },
  { code: 'sw', name: 'Kiswahili', dir: 'ltr' },
];

const storageKey = 'primer.language';

const catalogs = import.meta.glob<Record<string, unknown>>('./*/*.json', { eager: true, import: 'default' });
const resources: Record<string, Record<string, Record<string, unknown>>> = {};
for (const [file, catalog] of Object.entries(catalogs)) {
  const match = /^\.\/([^/]+)\/([^/]+)\.json$/.exec(file);
  if (!match) continue;
  const [, language, namespace] = match as unknown as [string, string, string];
  (resources[language] ??= {})[namespace] = catalog;
}
// The tutor's own words (why the next activity, chat notices) are the server's catalogs, shared: src/i18n/phrases/<language>.json.
const tutorCatalogs = import.meta.glob<Record<string, unknown>>('../../../src/i18n/phrases/*.json', { eager: true, import: 'default' });
for (const [file, catalog] of Object.entries(tutorCatalogs)) {
  const language = /([^/]+)\.json$/.exec(file)?.[1];
  if (language) (resources[language] ??= {}).tutor = catalog;
}

/** The supported interface language closest to a BCP-47 tag ('pt-BR' → 'pt'), or undefined. */
export function interfaceLanguageFor(tag: string | undefined | null): string | undefined {
  if (!tag) return undefined;
  const base = tag.toLowerCase().split(/[-_]/)[0];
  return supportedLanguages.find((language) => language.code === base)?.code;
}

function initialLanguage(): string {
  try {
    const stored = interfaceLanguageFor(localStorage.getItem(storageKey));
    if (stored) return stored;
  } catch {
    // storage may be blocked; fall through to the browser's languages
  }
  for (const tag of navigator.languages ?? [navigator.language]) {
    const found = interfaceLanguageFor(tag);
    if (found) return found;
  }
  return 'en';
}

function applyToDocument(code: string) {
  const language = supportedLanguages.find((candidate) => candidate.code === code) ?? supportedLanguages[0]!;
  document.documentElement.lang = language.code;
  document.documentElement.dir = language.dir;
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources,
  lng: initialLanguage(),
  fallbackLng: 'en',
  supportedLngs: supportedLanguages.map((language) => language.code),
  ns: ['common', 'learner', 'tutor'],
  defaultNS: 'common',
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
  initAsync: false,
  showSupportNotice: false,
});
applyToDocument(i18n.language);

i18n.on('languageChanged', (code) => {
  applyToDocument(code);
  try {
    localStorage.setItem(storageKey, code);
  } catch {
    // not remembered; the choice still holds for this visit
  }
});

/** The direction of the current interface language. */
export function currentDirection(): 'ltr' | 'rtl' {
  return supportedLanguages.find((language) => language.code === i18n.language)?.dir ?? 'ltr';
}

const rightToLeft = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'yi', 'dv', 'ckb', 'sd', 'ug', 'syr']);

/** The writing direction of any BCP-47 tag (course content may be in a language the interface does not speak). */
export function directionOf(tag: string | undefined): 'ltr' | 'rtl' {
  const base = (tag ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  return rightToLeft.has(base) || /-arab$/i.test(tag ?? '') ? 'rtl' : 'ltr';
}
