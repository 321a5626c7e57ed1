// The shared translation cache over the store's `translations` table: one row per
// (chunk hash, language, glossary version), machine translations first, a teacher's approval later.
import type { TranslationCache } from '../../i18n/index.js';
import type { Store } from '../../store/index.js';

export function createStoreTranslationCache(store: Store): TranslationCache {
  return {
    async get({ hash, language, glossaryVersion }) {
      const row = await store.db.selectFrom('translations').select(['text', 'model']).where('chunk_hash', '=', hash).where('language', '=', language).where('glossary_version', '=', glossaryVersion).executeTakeFirst();
      return row ? { text: row.text, ...(row.model ? { model: row.model } : {}) } : undefined;
    },
    async set({ hash, language, glossaryVersion }, translation) {
      await store.db
        .insertInto('translations')
        .values({ chunk_hash: hash, language, glossary_version: glossaryVersion, text: translation.text, model: translation.model ?? null, updated_at: new Date() })
        .onConflict((conflict) => conflict.columns(['chunk_hash', 'language', 'glossary_version']).doNothing())
        .execute();
    },
  };
}
