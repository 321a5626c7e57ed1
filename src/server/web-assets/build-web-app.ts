// "npm start builds what it needs on first run": the web app is (re)built with Vite when
// web/dist/index.html is missing or older than the newest source file under web/ (or under a shared
// folder the app imports, such as the tutor's phrase catalogs).
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import type { WebAppSource } from './serve-web-app.js';

export interface BuildWebAppOptions {
  /** The web app's folder, holding vite.config.ts; its build goes to <webDir>/dist. */
  webDir: string;
  log: (line: string) => void;
  /** Folders outside webDir that the app imports; a change there also calls for a rebuild. */
  sharedSources?: string[];
  /** Runs the build; default: Vite's JS API, loaded only when a build is needed. */
  build?: (configFile: string) => Promise<void>;
}

const configNames = ['vite.config.ts', 'vite.config.js', 'vite.config.mjs'];
const skipped = new Set(['dist', 'node_modules']);

/** Builds the web app when it is out of date and says where to serve it from; never throws (a failed build serves the "not built" page). */
export async function buildWebApp(options: BuildWebAppOptions): Promise<WebAppSource> {
  const { webDir, log } = options;
  const dist = path.join(webDir, 'dist');
  const configFile = (await Promise.all(configNames.map(async (name) => ((await modifiedAt(path.join(webDir, name))) === undefined ? undefined : path.join(webDir, name))))).find(Boolean);
  const built = await modifiedAt(path.join(dist, 'index.html'));
  if (!configFile) {
    if (built !== undefined) return { root: dist };
    return { root: null, reason: `There is no web app in ${webDir} (no vite.config.ts), so there is nothing to build.` };
  }
  const newestSource = Math.max(...(await Promise.all([webDir, ...(options.sharedSources ?? [])].map(newestModification))));
  if (built !== undefined && built >= newestSource) return { root: dist };
  log(built === undefined ? `Building the web app (first run; this takes a minute)…` : `The web app changed since its last build; rebuilding it…`);
  const started = Date.now();
  try {
    await (options.build ?? viteBuild)(configFile);
  } catch (error) {
    const lines = stripVTControlCharacters(error instanceof Error ? error.message : String(error)).split('\n').map((line) => line.trimEnd()).filter(Boolean);
    const message = lines[0]?.replace(/[:.]$/, '') ?? 'unknown error';
    const headlines = lines.slice(1).filter((line) => /^\[[A-Z_]+\]/.test(line)); // Vite (Rolldown) starts each error with [CODE], then draws the source
    log(`The web app did not build: ${message}. Fix it and run npm run build:web; the server keeps running.`);
    for (const line of (headlines.length > 0 ? headlines : lines.slice(1)).slice(0, 10)) log(`  ${line}`);
    if (built !== undefined) return { root: dist }; // the last good build is better than none
    return { root: null, reason: `The last build of the web app failed: ${message}` };
  }
  if ((await modifiedAt(path.join(dist, 'index.html'))) === undefined) {
    log(`The web app build wrote no ${path.join(dist, 'index.html')}; check web/vite.config.ts (build.outDir).`);
    return { root: null, reason: `The web app build wrote no index.html to ${dist}.` };
  }
  log(`Built the web app in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return { root: dist };
}

async function viteBuild(configFile: string): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile, logLevel: 'error' }); // the server prints one line before and after; failures come back as the thrown error
}

async function modifiedAt(file: string): Promise<number | undefined> {
  return stat(file).then((stats) => stats.mtimeMs, () => undefined);
}

/** The latest modification time of any file under `dir`, skipping dist, node_modules and dot-files. */
async function newestModification(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    if (skipped.has(entry.name) || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, await newestModification(full));
    else if (entry.isFile()) newest = Math.max(newest, (await modifiedAt(full)) ?? 0);
  }
  return newest;
}
