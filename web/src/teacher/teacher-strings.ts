// The teacher and admin apps' interface text: the 'teacher' namespace, in every interface language.
// Imported for its effect by both apps, which load on demand, so learners never download these strings.
import { i18n } from '../i18n/index.ts';
import ar from './i18n/ar.json';
import en from './i18n/en.json';
import es from './i18n/es.json';
import fr from './i18n/fr.json';
import hi from './i18n/hi.json';
import pt from './i18n/pt.json';
import sw from './i18n/sw.json';
import zh from './i18n/zh.json';

export const teacherCatalogs: Record<string, Record<string, unknown>> = { en, es, fr, pt, hi, zh, ar, sw };

for (const [language, strings] of Object.entries(teacherCatalogs)) {
  i18n.addResourceBundle(language, 'teacher', strings, true, true);
}
