import { describe, expect, it } from 'vitest';
import type { ModelRouter } from '../models/index.js';
import { createTranslator, glossaryVersion, protect, translationProblem } from './create-translator.js';
import { detectLanguage, detectLearnerLanguage, isWrongLanguage } from './detect-language.js';
import { createMemoryTranslationCache } from './translation-cache.js';

/** A router whose translate task upper-cases the prompt (placeholders survive), or gives `replies` first, and counts calls. */
function fakeRouter(replies: string[] = []) {
  const prompts: string[] = [];
  const router = {
    generate: async (request: { prompt?: unknown }) => {
      prompts.push(String(request.prompt));
      return { noModel: false, result: { text: replies.shift() ?? String(request.prompt).toUpperCase() }, route: { task: 'translate', tier: 'local', continued: false, reasons: [], calls: [], servedBy: { tier: 'local', provider: 'p', model: 'm' } } };
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

describe('a translation the model got wrong', () => {
  const chunk = { text: 'The derivative of $x^2$ is `2 * x`, and the slope of the tangent line at each point of the curve.', hash: 'h2', from: 'en', to: 'es' };

  it('is asked for once more when it lost math or code, and cached only when it is whole', async () => {
    const { router, prompts } = fakeRouter(['La derivada de ⟦0⟧ es la pendiente de la recta tangente en cada punto de la curva.']); // `2 * x` lost
    const cache = createMemoryTranslationCache();
    const translated = await createTranslator({ router, cache, glossary: [] }).translate(chunk);
    expect(prompts).toHaveLength(2);
    expect(translated.source).toBe('model');
    expect(translated.text).toContain('$x^2$');
    expect(translated.text).toContain('`2 * x`');
  });

  it('leaves the learner the original, uncached, when the second reply is no translation either', async () => {
    const { router, prompts } = fakeRouter(['Sure!', 'Sure!']);
    const cache = createMemoryTranslationCache();
    const translator = createTranslator({ router, cache, glossary: [] });
    expect(await translator.translate(chunk)).toEqual({ text: chunk.text, source: 'original' });
    expect(prompts).toHaveLength(2);
    expect((await translator.translate(chunk)).source).toBe('model'); // nothing was cached: the next learner's request asks again
  });

  it('says what is wrong with a reply', () => {
    expect(translationProblem('A ⟦0⟧ and ⟦1⟧.', 'Un ⟦1⟧ y ⟦0⟧.')).toBeUndefined(); // moved is fine
    expect(translationProblem('A ⟦0⟧ and ⟦1⟧.', 'Un ⟦0⟧.')).toBe('placeholders ⟦0⟧ ⟦1⟧ came back as ⟦0⟧');
    expect(translationProblem('A ⟦0⟧.', 'Un ⟦0⟧ ⟦0⟧ ⟦7⟧.')).toBe('placeholders ⟦0⟧ came back as ⟦0⟧ ⟦0⟧ ⟦7⟧');
    expect(translationProblem('x'.repeat(200), 'Sure!')).toBe('5 characters for 200');
    expect(translationProblem('Adding', 'Sumar')).toBeUndefined(); // a title is short in any language
    expect(translationProblem('导数是切线的斜率，它告诉我们函数在某一点的变化速度。'.repeat(3), 'The derivative is the slope of the tangent line: it tells us how fast the function changes at a point. '.repeat(3))).toBeUndefined();
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

  it('does not take a near tie between two languages for an answer', () => {
    expect(detectLanguage('¿me das una pista?')?.reliable).toBe(false); // Portuguese by 0.2% over Spanish
    expect(detectLearnerLanguage(['no entiendo la derivada', '¿me das una pista?'])).toBe('es'); // the learner's earlier words tell
    expect(detectLanguage('Me dá uma dica?')).toEqual({ language: 'pt', reliable: true });
    expect(detectLanguage('give me a hint')).toEqual({ language: 'en', reliable: true });
  });
});
