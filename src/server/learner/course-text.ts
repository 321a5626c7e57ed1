// Course text as a learner reads it: translated into their language through the shared cache
// (approved translations included; machine ones made on first use), then rendered to HTML with
// the course renderer (KaTeX, highlighted code, no raw HTML from the source).
import path from 'node:path';
import { renderMarkdown, sha256, type CourseBundle } from '../../course/index.js';
import { createTranslator, sameLanguage, type Translator } from '../../i18n/index.js';
import type { ServerContext } from '../server-context.js';
import { createStoreTranslationCache } from '../tutoring/store-translation-cache.js';

export interface CourseText {
  language: string;
  /** Text in the learner's language; `original` when it is still in the course language. */
  translate(text: string, hash?: string): Promise<{ text: string; original: boolean }>;
  /** Translated and rendered to HTML. */
  html(markdown: string, hash?: string): Promise<{ html: string; original: boolean }>;
}

/**
 * Where the web app finds a figure that lesson or exercise Markdown names by a path relative to
 * its file (lessons/ and exercises/ sit side by side, so `../figures/x.svg` is `figures/x.svg`).
 */
export function courseFileUrl(course: string, relative: string): string {
  const file = path.posix.normalize(path.posix.join('lessons', relative));
  if (file.startsWith('..')) return relative;
  return `/api/courses/${encodeURIComponent(course)}/files/${file.split('/').map(encodeURIComponent).join('/')}`;
}

// Rendering takes milliseconds (KaTeX above all) and the same text goes to many learners (an exercise's
// prompt with every turn that shows it, a lesson's sections), so each is rendered once and kept, up to
// about 8 million characters of HTML; the oldest go first.
const rendered = new Map<string, string>();
const renderedLimitChars = 8_000_000;
let renderedChars = 0;

/** Course Markdown (already in the learner's language) as the web app shows it. */
export function renderCourseMarkdown(bundle: CourseBundle, markdown: string): string {
  const key = `${bundle.public.course.id}\u0000${markdown}`;
  const kept = rendered.get(key);
  if (kept !== undefined) return kept;
  const html = renderMarkdown(markdown, { imageUrl: (relative) => courseFileUrl(bundle.public.course.id, relative) });
  rendered.set(key, html);
  renderedChars += key.length + html.length;
  for (const [oldKey, oldHtml] of rendered) {
    if (renderedChars <= renderedLimitChars) break;
    rendered.delete(oldKey);
    renderedChars -= oldKey.length + oldHtml.length;
  }
  return html;
}

export function courseTranslator(context: Pick<ServerContext, 'router' | 'store'>, bundle: CourseBundle): Translator {
  const course = bundle.public.course;
  return createTranslator({ router: context.router, cache: createStoreTranslationCache(context.store), glossary: course.glossary, course: course.id });
}

export function createCourseText(translator: Translator, bundle: CourseBundle, language: string): CourseText {
  const from = bundle.public.course.language;
  const same = sameLanguage(from, language);
  const translate = async (text: string, hash = sha256(text)) => {
    const translated = await translator.translate({ text, hash, from, to: language });
    return { text: translated.text, original: !same && translated.source === 'original' && text.trim() !== '' };
  };
  return {
    language: same ? from : language,
    translate,
    async html(markdown, hash) {
      const translated = await translate(markdown, hash);
      return { html: renderCourseMarkdown(bundle, translated.text), original: translated.original };
    },
  };
}
