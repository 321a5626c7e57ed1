// The web app's interface strings, read from its catalogs, so tests in Hindi, Chinese or Arabic can
// still find controls by role and accessible name.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repositoryRoot } from './e2e-server.js';

const catalogs = new Map<string, Record<string, unknown>>();

/** interfaceText('ar', 'learner', 'welcome.start') → "ابدأ التعلّم"; `{{name}}` placeholders filled from `values`. */
export function interfaceText(language: string, namespace: 'common' | 'learner' | 'teacher', key: string, values: Record<string, string> = {}): string {
  const file = namespace === 'teacher' ? path.join(repositoryRoot, 'web/src/teacher/i18n', `${language}.json`) : path.join(repositoryRoot, 'web/src/i18n', language, `${namespace}.json`);
  let catalog = catalogs.get(file);
  if (!catalog) catalogs.set(file, (catalog = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>));
  const text = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalog);
  if (typeof text !== 'string') throw new Error(`no interface text ${namespace}:${key} in ${file}`);
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? `{{${name}}}`);
}
