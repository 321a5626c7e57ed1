// English names of languages for prompts ("Reply in Spanish" works better than "Reply in es").
import { baseLanguage } from './language-tag.js';

const names: Record<string, string> = {
  ar: 'Arabic', bn: 'Bengali', ca: 'Catalan', cs: 'Czech', da: 'Danish', de: 'German', el: 'Greek', en: 'English', es: 'Spanish',
  fa: 'Persian', fi: 'Finnish', fr: 'French', he: 'Hebrew', hi: 'Hindi', hu: 'Hungarian', id: 'Indonesian', it: 'Italian', ja: 'Japanese',
  ko: 'Korean', nl: 'Dutch', no: 'Norwegian', pl: 'Polish', pt: 'Portuguese', ro: 'Romanian', ru: 'Russian', sv: 'Swedish', sw: 'Swahili',
  th: 'Thai', tr: 'Turkish', uk: 'Ukrainian', ur: 'Urdu', vi: 'Vietnamese', zh: 'Chinese',
};

/** "es" → "Spanish"; an unknown tag is returned as it is. */
export function languageName(tag: string): string {
  return names[baseLanguage(tag)] ?? tag;
}
