import { describe, expect, it } from 'vitest';
import type { ModelRouter } from '../models/index.js';
import { createTranslator, glossaryVersion, protect } from './create-translator.js';
import { detectLearnerLanguage, isWrongLanguage } from './detect-language.js';
import { createMemoryTranslationCache } from './translation-cache.js';

/** A router whose translate task upper-cases the prompt (placeholders survive) and counts calls. */
function fakeRouter() {
  const prompts: string[] = [];
  const router = {
    generate: async (request: { prompt?: unknown }) => {
      prompts.push(String(request.prompt));
      return { noModel: false, result: { text: String(request.prompt).toUpperCase() }, route: { task: 'translate', tier: 'local', continued: false, reasons: [], calls: [], servedBy: { tier: 'local', provider: 'p', model: 'm' } } };
    },
  } as unknown as ModelRouter;
  return { router, prompts };
}

const glossary = [{ term: 'grad', translate: false }, { term: 'derivative', translate: true }];

describe('the translator', () => {
  it('keeps do-not-translate terms, math and code exactly as written', () => {
    const { masked, restore } = protect('The grad of $x^2$ is `grad`; a gradient is not grad.', ['grad']);
    expect(masked).not.toMatch(/grad\b|\$x\^2\$/);
    expect(masked).toContain('gradient'); // only the whole word is protected
    expect(restore(masked.toUpperCase())).toBe('THE grad OF $x^2$ IS `grad`; A GRADIENT IS NOT grad.');
  });

  it('translates a chunk once per language and glossary version, then serves it from the shared cache', async () => {
    const { router, prompts } = fakeRouter();
    const cache = createMemoryTranslationCache();
    const translator = createTranslator({ router, cache, glossary });
    const chunk = { text: 'Read the grad attribute.', hash: 'h1', from: 'en' };
    expect(await translator.translate({ ...chunk, to: 'es' })).toEqual({ text: 'READ THE grad ATTRIBUTE.', source: 'model' });
    expect(await translator.translate({ ...chunk, to: 'es' })).toEqual({ text: 'READ THE grad ATTRIBUTE.', source: 'cache' });
    expect(await translator.translate({ ...chunk, to: 'en-GB' })).toEqual({ text: chunk.text, source: 'original' });
    expect(prompts).toHaveLength(1);
    // Another learner's translator over the same cache: no new call. A changed glossary: a new version.
    const other = createTranslator({ router, cache, glossary });
    expect((await other.translate({ ...chunk, to: 'es' })).source).toBe('cache');
    expect(glossaryVersion([{ term: 'grad', translate: true }])).not.toBe(translator.glossaryVersion);
  });
});

describe('language detection', () => {
  it('finds the learner language from their messages and flags a reply in another language', () => {
    expect(detectLearnerLanguage(['ok', '¿Por qué la derivada de una constante es cero? No lo entiendo.'])).toBe('es');
    expect(detectLearnerLanguage(['ok', '42'])).toBeUndefined();
    expect(isWrongLanguage('Good question! What happens to the slope when the two points get closer together?', 'es')).toBe(true);
    expect(isWrongLanguage('¡Buena pregunta! ¿Qué pasa con la pendiente cuando los dos puntos se acercan?', 'es')).toBe(false);
    expect(isWrongLanguage('$f\'(x) = 2x$', 'es')).toBe(false);
  });
});
