// Internationalisation: language detection (eld), the shared translation cache, and the translator.
export { detectLanguage, detectLearnerLanguage, isWrongLanguage, type DetectedLanguage } from './detect-language.js';
export { createMemoryTranslationCache, translationCacheKey, type CachedTranslation, type TranslationCache, type TranslationKey } from './translation-cache.js';
export { createTranslator, glossaryVersion, protect, type GlossaryTerm, type TranslateRequest, type Translation, type Translator, type TranslatorOptions } from './create-translator.js';
export { languageName } from './language-name.js';
export { baseLanguage, sameLanguage } from './language-tag.js';
export { languageNameIn, phraseCatalogs, phrasesFor, type PhraseKey, type Phrases } from './tutor-phrases.js';
