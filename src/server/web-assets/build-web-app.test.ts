import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildWebApp } from './build-web-app.js';

const dir = await mkdtemp(path.join(tmpdir(), 'primer-web-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

/** A web folder whose "build" writes dist/index.html, counting its runs. */
async function webFolder(name: string) {
  const webDir = path.join(dir, name);
  const shared = path.join(dir, `${name}-shared`);
  await mkdir(path.join(webDir, 'src'), { recursive: true });
  await mkdir(shared, { recursive: true });
  await writeFile(path.join(shared, 'en.json'), '{}');
  await writeFile(path.join(webDir, 'vite.config.ts'), 'export default {}');
  await writeFile(path.join(webDir, 'src', 'main.tsx'), 'export {}');
  const builds: string[] = [];
  const lines: string[] = [];
  const build = async (configFile: string) => {
    builds.push(configFile);
    await mkdir(path.join(webDir, 'dist'), { recursive: true });
    await writeFile(path.join(webDir, 'dist', 'index.html'), '<!doctype html>');
  };
  return { webDir, shared, builds, lines, run: () => buildWebApp({ webDir, sharedSources: [shared], build, log: (line) => void lines.push(line) }) };
}

describe('building the web app on first run', () => {
  it('builds once when dist is missing, then serves the build until a source file is newer', async () => {
    const web = await webFolder('app');
    expect(await web.run()).toEqual({ root: path.join(web.webDir, 'dist') });
    expect(web.builds).toEqual([path.join(web.webDir, 'vite.config.ts')]);
    expect(web.lines[0]).toMatch(/^Building the web app/);
    expect(web.lines[1]).toMatch(/^Built the web app in \d+\.\d s\.$/);

    await web.run();
    expect(web.builds).toHaveLength(1); // up to date: no second build

    const later = new Date(Date.now() + 60_000);
    await utimes(path.join(web.webDir, 'src', 'main.tsx'), later, later);
    await web.run();
    expect(web.builds).toHaveLength(2);
    expect(web.lines).toContain('The web app changed since its last build; rebuilding it…');
  });

  it('rebuilds when a shared folder the app imports changes (the tutor phrase catalogs)', async () => {
    const web = await webFolder('shared');
    await web.run();
    await web.run();
    expect(web.builds).toHaveLength(1);
    const later = new Date(Date.now() + 60_000);
    await utimes(path.join(web.shared, 'en.json'), later, later);
    await web.run();
    expect(web.builds).toHaveLength(2);
  });

  it('keeps serving the last good build when a rebuild fails, and says why', async () => {
    const web = await webFolder('broken');
    await web.run();
    const later = new Date(Date.now() + 60_000);
    await utimes(path.join(web.webDir, 'src', 'main.tsx'), later, later);
    const result = await buildWebApp({ webDir: web.webDir, build: async () => { throw new Error("Build failed with 1 error:\n\n\u001b[31m[UNRESOLVED_IMPORT] \u001b[0mCould not resolve './teacher.css' in web/src/app.tsx\n    ╭─[ web/src/app.tsx:11:8 ]"); }, log: (line) => void web.lines.push(line) });
    expect(result).toEqual({ root: path.join(web.webDir, 'dist') });
    expect(web.lines.slice(-2)).toEqual([
      'The web app did not build: Build failed with 1 error. Fix it and run npm run build:web; the server keeps running.',
      "  [UNRESOLVED_IMPORT] Could not resolve './teacher.css' in web/src/app.tsx", // the error's headline, without colours or the drawn source
    ]);
  });

  it('without a vite config, reports that there is no web app instead of building', async () => {
    const empty = path.join(dir, 'empty');
    await mkdir(empty);
    const result = await buildWebApp({ webDir: empty, build: async () => { throw new Error('must not build'); }, log: () => {} });
    expect(result).toMatchObject({ root: null, reason: expect.stringContaining('no vite.config.ts') });
  });
});
