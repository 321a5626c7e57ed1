// What the tutor says in its own words (not the course's, not a model's): what to do after an answer, notices of a
// turn without a model, the reasons for the next activity, command replies. One catalog per language in
// phrases/, shared with the web app, which shows the same notices and reasons. A language without a
// catalog (any language may be a learner's) gets English; course text itself goes through the
// translation cache instead.
import i18next, { type TFunction } from 'i18next';
import ar from './phrases/ar.json' with { type: 'json' };
import en from './phrases/en.json' with { type: 'json' };
import es from './phrases/es.json' with { type: 'json' };
import fr from './phrases/fr.json' with { type: 'json' };
import hi from './phrases/hi.json' with { type: 'json' };
import pt from './phrases/pt.json' with { type: 'json' };
import sw from './phrases/sw.json' with { type: 'json' };
import zh from './phrases/zh.json' with { type: 'json' };
import { baseLanguage } from './language-tag.js';

type Catalog = typeof en;
/** A phrase with plural forms (`…_one`, `…_other`, by Intl.PluralRules) is named without its suffix and given a `count`. */
type Unplural<Key extends string> = Key extends `${infer Base}_${'zero' | 'one' | 'two' | 'few' | 'many' | 'other'}` ? Base : Key;
export type PhraseKey = { [Group in keyof Catalog]: `${Group & string}.${Unplural<keyof Catalog[Group] & string>}` }[keyof Catalog];
/** The tutor's phrases in one language: a phrase with its {{placeholders}} filled in. */
export interface Phrases {
  (key: PhraseKey, values?: Record<string, string | number>): string;
  /** The catalog's language: the learner's, or English where Primer has no catalog for it. */
  language: string;
}

/** Each language's catalog: groups of phrases, as in en.json (plural forms by the language's own rules). */
export const phraseCatalogs: Record<string, Record<string, Record<string, string>>> = { ar, en, es, fr, hi, pt, sw, zh };

const phrases = i18next.createInstance();
void phrases.init({
  resources: Object.fromEntries(Object.entries(phraseCatalogs).map(([language, catalog]) => [language, { tutor: catalog }])),
  ns: ['tutor'],
  defaultNS: 'tutor',
  fallbackLng: 'en',
  interpolation: { escapeValue: false }, // plain text; the web app escapes when it renders
  initAsync: false,
  showSupportNotice: false,
});

/** The tutor's phrases in `language` (a BCP-47 tag: 'pt-BR' uses the Portuguese catalog; one without a catalog, English). */
export function phrasesFor(language: string): Phrases {
  const base = baseLanguage(language);
  const catalogLanguage = base in phraseCatalogs ? base : 'en';
  const t: TFunction = phrases.getFixedT(catalogLanguage);
  return Object.assign((key: PhraseKey, values?: Record<string, string | number>) => t(key, values ?? {}), { language: catalogLanguage });
}

/** The name of language `tag` as said in language `in` ("es" in "es" → "español", in "en" → "Spanish"). */
export function languageNameIn(tag: string, inLanguage: string): string {
  try {
    return new Intl.DisplayNames([inLanguage], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}
