// What keeps an answer from being read or from being fully right, as a code with values, so that the
// learner is told in their own language ("write decimals with "," in this language"). Checkers return
// problems; checkAnswer says them in the learner's language. One catalog per language in
// answer-problems/; a language without one gets English, as does every teacher-facing report.
import i18next from 'i18next';
import { z } from 'zod';
import ar from './answer-problems/ar.json' with { type: 'json' };
import en from './answer-problems/en.json' with { type: 'json' };
import es from './answer-problems/es.json' with { type: 'json' };
import fr from './answer-problems/fr.json' with { type: 'json' };
import hi from './answer-problems/hi.json' with { type: 'json' };
import pt from './answer-problems/pt.json' with { type: 'json' };
import sw from './answer-problems/sw.json' with { type: 'json' };
import zh from './answer-problems/zh.json' with { type: 'json' };

export type AnswerProblemCode = keyof typeof en.problem;
export type ExpectedAnswerCode = keyof typeof en.expected;
const values = z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())])); // a list is said as "a, b or c"
type Values = z.infer<typeof values>;

/** A problem with an answer, and optionally what kind of answer was expected instead. */
export const answerProblemSchema = z.object({
  code: z.enum(Object.keys(en.problem) as [AnswerProblemCode, ...AnswerProblemCode[]]),
  values: values.optional(),
  expected: z.object({ code: z.enum(Object.keys(en.expected) as [ExpectedAnswerCode, ...ExpectedAnswerCode[]]), values: values.optional() }).optional(),
});
export type AnswerProblem = z.infer<typeof answerProblemSchema>;

/** Each language's catalog, as in answer-problems/en.json. */
export const answerProblemCatalogs: Record<string, Record<string, Record<string, string>>> = { ar, en, es, fr, hi, pt, sw, zh };
/** "a, b or c" in each catalog's language (Intl formatters are slow to build; one per catalog). */
const listFormats = new Map(Object.keys(answerProblemCatalogs).map((language) => [language, new Intl.ListFormat(language, { type: 'disjunction' })]));

const catalogs = i18next.createInstance();
void catalogs.init({
  resources: Object.fromEntries(Object.entries(answerProblemCatalogs).map(([language, catalog]) => [language, { answer: catalog }])),
  ns: ['answer'],
  defaultNS: 'answer',
  fallbackLng: 'en',
  interpolation: { escapeValue: false }, // plain text; the web app escapes when it renders
  initAsync: false,
  showSupportNotice: false,
});

/**
 * Says a problem in `language` (a BCP-47 tag; English where Primer has no catalog for it).
 * @example describeProblem({ code: 'decimal-separator', values: { decimal: ',', example: '0,5' } }, 'fr')
 */
export function describeProblem(problem: AnswerProblem, language = 'en'): string {
  const catalogLanguage = catalogLanguageOf(language);
  const t = catalogs.getFixedT(catalogLanguage);
  const lists = listFormats.get(catalogLanguage)!;
  const fill = (values: Values = {}) => Object.fromEntries(Object.entries(values).map(([name, value]) => [name, Array.isArray(value) ? lists.format(value) : value]));
  const said = t(`problem.${problem.code}`, fill(problem.values));
  if (!problem.expected) return said;
  return t('joined.problem-expected', { problem: said, expected: t(`expected.${problem.expected.code}`, fill(problem.expected.values)) });
}

/** The problem, with what was expected instead (replacing any expectation it had). */
export function expecting(problem: AnswerProblem, code: ExpectedAnswerCode, values?: Values): AnswerProblem {
  return { ...problem, expected: { code, ...(values ? { values } : {}) } };
}

/** The catalog for a language tag: 'pt-BR' reads the Portuguese one; a language without one, or no language, English. */
function catalogLanguageOf(tag: string): string {
  try {
    const base = new Intl.Locale(tag).language;
    return base in answerProblemCatalogs ? base : 'en';
  } catch {
    return 'en';
  }
}
