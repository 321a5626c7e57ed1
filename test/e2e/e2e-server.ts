// A real Primer server for the browser tests, in this process: port 0, a fresh PGlite data folder,
// the sample course (courses/backprop) open to guests, the web app as `npm start` builds it, and the
// scripted model (scripted-model.ts) behind the quick-path model settings.
import { cp, mkdir, mkdtemp, rm, rmdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OpenAITestServer } from '../../src/models/testing/openai-test-server.js';
import { buildWebApp, startServer, type RunningServer } from '../../src/server/index.js';
import { startScriptedModel } from './scripted-model.js';

export const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));
export const sampleCourse = { id: 'backprop', folder: path.join(repositoryRoot, 'courses', 'backprop'), firstLesson: 'derivative-as-limit' };

export interface E2EServer {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  /** The one-time admin setup link the server printed. */
  setupLink: string;
  server: RunningServer;
  model: OpenAITestServer;
  /** What the server printed. */
  lines: string[];
  close(): Promise<void>;
}

export async function startE2EServer(): Promise<E2EServer> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'primer-e2e-'));
  const web = path.join(dataDir, 'web');
  await builtWebApp(web);
  const model = await startScriptedModel();
  const lines: string[] = [];
  let server: RunningServer;
  try {
    server = await startServer({
      course: [sampleCourse.folder],
      data: path.join(dataDir, 'data'),
      port: 0,
      guest: true,
      web: { built: web },
      environment: { PRIMER_MODEL_BASE_URL: model.url, PRIMER_MODEL: 'scripted-tutor' },
      cwd: repositoryRoot,
      log: (line) => void lines.push(line),
      // One browser makes many requests from one address; the default limits are for the open internet.
      app: { limits: { requestsPerMinute: 100_000, signInPerMinute: 1_000 } },
      limits: { turnsPerMinute: 1_000 },
    });
  } catch (error) {
    await model.close();
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  if (!server.setupLink) throw new Error(`the server printed no setup link on a fresh data folder; it printed:\n${lines.join('\n')}`);
  return {
    url: server.url,
    setupLink: server.setupLink,
    server,
    model,
    lines,
    async close() {
      await server.close();
      await model.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Copies web/dist to `destination`, building it first when older than web/ (the server's own first-run
 * build). The copy keeps a test's pages whole when web/dist is rebuilt meanwhile (an edit, another
 * server). Test files run in parallel workers, so one builds while the others wait on a lock folder.
 */
async function builtWebApp(destination: string): Promise<void> {
  const lock = path.join(repositoryRoot, '.e2e', 'web-build.lock');
  await mkdir(path.dirname(lock), { recursive: true });
  for (;;) {
    try {
      await mkdir(lock);
      break;
    } catch {
      const since = await stat(lock).then((info) => Date.now() - info.mtimeMs, () => 0);
      if (since > 5 * 60_000) await rmdir(lock).catch(() => {}); // left by a run that was killed
      else await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  try {
    const built = await buildWebApp({ webDir: path.join(repositoryRoot, 'web'), log: (line) => console.log(`[e2e] ${line}`) });
    if (built.root === null) throw new Error(`the web app is not built: ${built.reason}`);
    await cp(built.root, destination, { recursive: true });
  } finally {
    await rmdir(lock).catch(() => {});
  }
}
