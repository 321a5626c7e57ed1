// Translates course text for a learner through the shared cache, with the router's `translate` task.
// Glossary terms marked `translate: false`, inline math and inline code are swapped for placeholders
// before the model sees the text and put back after, so they come out exactly as the teacher wrote them.
import { createHash } from 'node:crypto';
import type { ModelRouter } from '../models/index.js';
import { languageName } from './language-name.js';
import { sameLanguage } from './language-tag.js';
import type { TranslationCache } from './translation-cache.js';

export interface GlossaryTerm {
  term: string;
  translate?: boolean; // false: never translate
}

export interface TranslateRequest {
  text: string;
  hash: string; // sha256 of `text` (a chunk's hash)
  from: string; // the course's language
  to: string; // the learner's language
}

export interface Translation {
  text: string;
  source: 'original' | 'cache' | 'model';
}

export interface Translator {
  translate(request: TranslateRequest): Promise<Translation>;
  glossaryVersion: string;
}

export interface TranslatorOptions {
  router: ModelRouter;
  cache: TranslationCache;
  glossary: readonly GlossaryTerm[];
  course?: string;
}

/** A version of the glossary: any change to its terms or their translate flags gives a new one. */
export function glossaryVersion(glossary: readonly GlossaryTerm[]): string {
  const text = JSON.stringify(glossary.map((term) => [term.term, term.translate !== false]).sort());
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

export function createTranslator({ router, cache, glossary, course }: TranslatorOptions): Translator {
  const version = glossaryVersion(glossary);
  const keep = glossary.filter((term) => term.translate === false).map((term) => term.term).sort((a, b) => b.length - a.length);
  return {
    glossaryVersion: version,
    async translate({ text, hash, from, to }) {
      if (sameLanguage(from, to) || text.trim() === '') return { text, source: 'original' };
      const key = { hash, language: to, glossaryVersion: version };
      const cached = await cache.get(key);
      if (cached) return { text: cached.text, source: 'cache' };
      const { masked, restore } = protect(text, keep);
      // A reply that lost math or code, or is no translation of the text, is asked for once more; then the
      // learner gets the original, and nothing is cached (every learner would see it).
      for (let attempt = 0; attempt < 2; attempt++) {
        const routed = await router.generate({
          task: 'translate',
          ...(course ? { course } : {}),
          system: `You translate course text from ${languageName(from)} to ${languageName(to)} for a learner. Keep Markdown formatting. Copy every placeholder like ⟦0⟧ exactly as it is. Reply with the translation only.`,
          prompt: masked,
        });
        if (routed.noModel) break;
        const reply = routed.result.text.trim();
        if (translationProblem(masked, reply)) continue;
        const translated = restore(reply);
        const served = routed.route.servedBy;
        await cache.set(key, { text: translated, ...(served ? { model: `${served.provider}/${served.model}` } : {}) });
        return { text: translated, source: 'model' };
      }
      return { text, source: 'original' };
    },
  };
}

/**
 * Why `reply` cannot be the translation of `masked`, or undefined: a placeholder dropped, repeated or made up (the
 * math, code or term it holds would be lost or doubled), or a length no translation has (a text of a few lines
 * answered with one short sentence, or with a page).
 */
export function translationProblem(masked: string, reply: string): string | undefined {
  const held = (text: string) => (text.match(/⟦\d+⟧/g) ?? []).sort().join(' ');
  if (held(reply) !== held(masked)) return `placeholders ${held(masked) || 'none'} came back as ${held(reply) || 'none'}`;
  const length = (text: string) => text.replace(/⟦\d+⟧/g, '').trim().length;
  const ratio = length(reply) / Math.max(1, length(masked));
  if (length(masked) >= 60 && (ratio < 0.2 || ratio > 6)) return `${length(reply)} characters for ${length(masked)}`;
  return undefined;
}

/** Replaces protected spans by ⟦n⟧; `restore` puts them back (the translator refuses a reply that dropped one: translationProblem). */
export function protect(text: string, terms: readonly string[]): { masked: string; restore: (translated: string) => string } {
  const spans: string[] = [];
  const hold = (span: string) => `⟦${spans.push(span) - 1}⟧`;
  let masked = text.replace(/\$\$[\s\S]*?\$\$|\$[^$\n]+\$|```[\s\S]*?```|`[^`\n]+`/g, hold);
  for (const term of terms) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}_])`, 'gu');
    masked = masked.replace(pattern, hold);
  }
  return { masked, restore: (translated) => translated.replace(/⟦(\d+)⟧/g, (whole, index: string) => spans[Number(index)] ?? whole) };
}
