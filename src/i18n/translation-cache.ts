// Translations of course text, shared by every learner: keyed by (content hash, language, glossary
// version), so a chunk is translated once per language and again only when it or the glossary changes.

export interface TranslationKey {
  hash: string; // sha256 of the source text (a chunk's `hash`)
  language: string;
  glossaryVersion: string;
}

export interface CachedTranslation {
  text: string;
  model?: string; // who translated it; a teacher's approval comes later
}

/** Where translations live: memory here, the store's `translations` table in the server. */
export interface TranslationCache {
  get(key: TranslationKey): Promise<CachedTranslation | undefined>;
  set(key: TranslationKey, translation: CachedTranslation): Promise<void>;
}

export function translationCacheKey(key: TranslationKey): string {
  return `${key.hash}\u0000${key.language}\u0000${key.glossaryVersion}`;
}

/** An in-memory cache (tests, the terminal tutor, a single process). */
export function createMemoryTranslationCache(): TranslationCache & { size(): number } {
  const entries = new Map<string, CachedTranslation>();
  return {
    get: async (key) => entries.get(translationCacheKey(key)),
    set: async (key, translation) => {
      entries.set(translationCacheKey(key), translation);
    },
    size: () => entries.size,
  };
}
