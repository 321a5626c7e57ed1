import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { writeCourseFolder } from '../../test/course-folder.js';
import { tinyCourse } from '../course/__fixtures__/tiny-course.js';
import { openDatabase, readErasures, testBackends, testPostgresUrl } from '../store/index.js';
import { startServer, type RunningServer, type StartServerOptions } from './start-server.js';

const dir = await mkdtemp(path.join(tmpdir(), 'primer-server-'));
const coursesDir = path.join(dir, 'courses');
const courseDir = path.join(coursesDir, 'tiny');
const webRoot = path.join(dir, 'web-dist');
afterAll(() => rm(dir, { recursive: true, force: true }));
await writeCourseFolder(courseDir, tinyCourse);
await mkdir(path.join(webRoot, 'assets'), { recursive: true });
await writeFile(path.join(webRoot, 'index.html'), '<!doctype html><title>Primer test app</title><div id="root"></div>');
await writeFile(path.join(webRoot, 'assets', 'app-1a2b3c.js'), 'console.log("app")');

const lines: string[] = [];
const options: StartServerOptions = {
  courses: coursesDir,
  data: path.join(dir, 'data'),
  port: 0,
  web: { built: webRoot },
  environment: {},
  cwd: dir,
  log: (line) => void lines.push(line),
  watchDebounceMs: 20,
  limits: { messageChars: 100 }, // as `primer serve --message-chars 100` sets it
};

describe('startServer', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer(options);
  });
  afterAll(() => server?.close());

  it('listens on a free port, answers /healthz and prints its URL', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(await response.json()).toEqual({ ok: true });
    expect(lines).toContain(`Primer is running at ${server.url}`);
    expect(lines.some((line) => line.startsWith('Published course tiny version'))).toBe(true);
  });

  it('serves the web app: its files, index.html for any app page, and JSON 404s under /api', async () => {
    const asset = await fetch(`${server.url}/assets/app-1a2b3c.js`);
    expect(await asset.text()).toBe('console.log("app")');
    expect(asset.headers.get('cache-control')).toContain('immutable');

    for (const page of ['/', '/courses/tiny/lessons/adding', '/teach']) {
      const response = await fetch(`${server.url}${page}`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('Primer test app');
      expect(response.headers.get('cache-control')).toBe('no-cache');
    }

    const api = await fetch(`${server.url}/api/nope`);
    expect(api.status).toBe(404);
    expect(await api.json()).toEqual({ error: 'no such endpoint: GET /api/nope' });
    expect((await fetch(`${server.url}/assets/missing.js`)).status).toBe(404);
  });

  it('lets a guest start the folder courses', async () => {
    const guest = await fetch(`${server.url}/api/auth/guest`, { method: 'POST', headers: { origin: server.url } });
    expect(guest.status).toBe(201);
    expect(server.context.guestCourses.has('tiny')).toBe(true);
  });

  it("counts a guest's tutor turn, its latency and HTTP responses in /metrics", async () => {
    const guest = await fetch(`${server.url}/api/auth/guest`, { method: 'POST', headers: { origin: server.url } });
    const cookie = guest.headers.get('set-cookie')!.split(';')[0]!;
    const turn = await fetch(`${server.url}/api/courses/tiny/turns`, {
      method: 'POST',
      headers: { origin: server.url, cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ turnId: randomUUID(), text: 'Where do I start?' }),
    });
    expect(turn.status).toBe(200);
    expect(await turn.text()).toContain('data-lesson'); // no model here: the course itself teaches
    const long = await fetch(`${server.url}/api/courses/tiny/turns`, {
      method: 'POST',
      headers: { origin: server.url, cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ turnId: randomUUID(), text: 'why '.repeat(26) }),
    });
    expect(long.status).toBe(413);
    expect((await long.json()).error).toContain('the limit is 100');

    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toContain('primer_tutor_turns_total{course="tiny",mode="no-model"} 1');
    expect(metrics).toContain('primer_tutor_turn_seconds_count{mode="no-model"} 1');
    expect(metrics).toContain('primer_tutor_turn_first_part_seconds_count{mode="no-model"} 1');
    expect(metrics).toMatch(/primer_http_responses_total\{class="4xx"\} [1-9]/); // the 404s above
    expect(metrics).toContain('process_resident_memory_bytes');
  });

  it('publishes a new version when the course folder changes, and keeps serving it when an edit breaks the course', async () => {
    const first = (await server.context.catalog.bundle('tiny'))!.public.hash;
    const lesson = path.join(courseDir, 'lessons', '01-adding.md');
    await writeFile(lesson, (await readFile(lesson, 'utf8')).replace('Two plus two', 'Two and two'));
    await vi.waitFor(async () => expect((await server.context.catalog.bundle('tiny'))!.public.hash).not.toBe(first), { timeout: 15_000, interval: 100 });
    const second = (await server.context.catalog.bundle('tiny'))!.public.hash;
    expect((await server.context.catalog.versions('tiny')).map((entry) => entry.version)).toEqual(expect.arrayContaining([first, second]));

    await writeFile(path.join(courseDir, 'course.yaml'), tinyCourse['course.yaml']!.replace('title: Tiny course', 'title: [unclosed'));
    await vi.waitFor(() => expect(server.context.courseChecks.get('tiny')?.diagnostics.some((diagnostic) => diagnostic.severity === 'error')).toBe(true), { timeout: 15_000, interval: 100 });
    expect((await server.context.catalog.bundle('tiny'))!.public.hash).toBe(second);
    expect(lines.some((line) => line.includes('still serving its last good version'))).toBe(true);
    await writeFile(path.join(courseDir, 'course.yaml'), tinyCourse['course.yaml']!);
  });

  it('serves a course folder added to the courses folder while it runs', async () => {
    const course = { ...tinyCourse, 'course.yaml': tinyCourse['course.yaml']!.replace('id: tiny', 'id: added').replace('title: Tiny course', 'title: Added course') };
    await writeCourseFolder(path.join(coursesDir, 'added'), course);
    await vi.waitFor(async () => expect((await server.context.catalog.bundle('added'))?.public.course.title).toBe('Added course'), { timeout: 15_000, interval: 100 });
    expect(lines).toContain('New course folder courses/added');
    const guest = await fetch(`${server.url}/api/auth/guest`, { method: 'POST', headers: { origin: server.url } });
    const cookie = guest.headers.get('set-cookie')!.split(';')[0]!;
    const listed = await (await fetch(`${server.url}/api/courses`, { headers: { cookie } })).json();
    expect(listed.courses.map((entry: { id: string }) => entry.id)).toContain('added');
  });

  it('backs up its data folder soon after start, and when asked: a whole copy of it', async () => {
    await vi.waitFor(() => expect(lines.some((line) => /^Backed up the data folder to data-backups\/primer-backup-\d{8}T\d{6}Z\.tar\.gz \(\d+\.\d MB\)$/.test(line))).toBe(true), { timeout: 15_000, interval: 100 });
    expect(lines).toContain('Backups: every 24 h into data-backups, the newest 7 kept');
    const guest = await fetch(`${server.url}/api/auth/guest`, { method: 'POST', headers: { origin: server.url } }); // an account made after that first backup
    expect(guest.status).toBe(201);
    const backup = (await server.backUp!())!;
    expect(path.dirname(backup.file)).toBe(path.join(dir, 'data-backups'));
    const metrics = await (await fetch(`${server.url}/metrics`)).text(); // for an alert when backups stop
    expect(metrics).toContain('primer_backups_total{outcome="written"} 2');
    expect(metrics).toContain(`primer_backup_last_written_bytes ${backup.bytes}`);
    expect(metrics).toMatch(/^primer_backup_last_written_timestamp_seconds \d+/m);
    const copy = await openDatabase({ kind: 'pglite', dataDir: path.join(dir, 'restored') }, { restoreFrom: new Uint8Array(await readFile(backup.file)) });
    try {
      const count = async (db: typeof copy.db) => Number((await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow()).count);
      expect(await count(copy.db)).toBe(await count(server.context.store.db)); // the guest is in it
    } finally {
      await copy.close();
    }
    // The guest deletes their account: it is listed beside the backups, for a restore of that backup to erase again.
    const cookie = guest.headers.get('set-cookie')!.split(';')[0]!;
    const { account } = await (await fetch(`${server.url}/api/auth/me`, { headers: { cookie } })).json();
    const deleted = await fetch(`${server.url}/api/auth/me`, { method: 'DELETE', headers: { origin: server.url, cookie, 'content-type': 'application/json' }, body: '{}' });
    expect(deleted.status).toBe(200);
    expect(await readErasures(path.join(dir, 'data-backups'))).toEqual([account.id]);
  });

  it('refuses to start a second server on the same port or the same data folder, saying why', async () => {
    const port = Number(new URL(server.url).port);
    await expect(startServer({ ...options, port })).rejects.toThrow(`port ${port} on 127.0.0.1 is in use; stop the other server or pass --port (0 picks a free port)`);
    await expect(startServer(options)).rejects.toThrow(`another Primer (process ${process.pid}) is using the data folder ${path.join(dir, 'data')}`);
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ ok: true }); // the first one is unharmed
  });

  it('prints a one-time setup link on first start, and none once the admin exists', async () => {
    expect(server.setupLink).toMatch(new RegExp(`^${server.url}/setup\\?token=[\\w-]{20,}$`));
    expect(lines.filter((line) => line.includes('/setup?token=')).length).toBe(1);
    const token = new URL(server.setupLink!).searchParams.get('token');
    const setup = await fetch(`${server.url}/api/auth/setup`, {
      method: 'POST',
      headers: { origin: server.url, 'content-type': 'application/json' },
      body: JSON.stringify({ token, email: 'ada@example.org', name: 'Ada', password: 'correct horse battery' }),
    });
    expect(setup.status).toBe(201);
    await server.close();

    lines.length = 0;
    server = await startServer(options); // the same data folder
    expect(server.setupLink).toBeUndefined();
    expect(lines.some((line) => line.includes('/setup?token='))).toBe(false);
    expect(lines.some((line) => line.startsWith('Serving course tiny version'))).toBe(true); // nothing new to publish
  });
});

describe('startServer without a built web app', () => {
  it('serves a page that says how to build it, and refuses a missing course folder with a readable reason', async () => {
    const server = await startServer({ ...options, data: path.join(dir, 'data-2'), web: { dir: path.join(dir, 'no-web-here') }, guest: false });
    try {
      const page = await (await fetch(`${server.url}/courses/tiny`)).text();
      expect(page).toContain('npm run build:web');
      const guest = await fetch(`${server.url}/api/auth/guest`, { method: 'POST', headers: { origin: server.url } });
      expect(guest.status).toBe(403);
      // Sign-in attempts are limited per client address, and without --trust-proxy a forged X-Real-IP does not make a new one.
      const attempts = [];
      for (let attempt = 0; attempt < 11; attempt++) {
        attempts.push((await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { origin: server.url, 'content-type': 'application/json', 'x-real-ip': `10.0.0.${attempt}` }, body: JSON.stringify({ email: 'eve@example.org', password: 'guess' }) })).status);
      }
      expect(attempts.at(-1)).toBe(429);
    } finally {
      await server.close();
    }
    await expect(startServer({ ...options, course: [path.join(dir, 'nowhere')] })).rejects.toThrow(/is not a course folder \(it has no course.yaml\)/);
  });
});

const postgres = (await testBackends()).find((backend) => backend.name === 'postgres')!;

describe.skipIf(!postgres.available)('several servers on one PostgreSQL', () => {
  it('start at the same moment, publish the course once, and share sign-ins', async () => {
    const database = `primer_serve_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    const admin = new pg.Client({ connectionString: testPostgresUrl });
    await admin.connect();
    await admin.query(`create database ${database}`);
    const shared: StartServerOptions = { ...options, data: undefined, environment: { DATABASE_URL: testPostgresUrl.replace(/\/test$/, `/${database}`) } };
    lines.length = 0;
    const servers = await Promise.all([startServer(shared), startServer(shared)]);
    try {
      const [first, second] = servers;
      expect(lines.filter((line) => line.startsWith('Published course tiny version'))).toHaveLength(1);
      expect(await first!.context.catalog.versions('tiny')).toHaveLength(1);
      const guest = await fetch(`${first!.url}/api/auth/guest`, { method: 'POST', headers: { origin: first!.url } });
      const cookie = guest.headers.get('set-cookie')!.split(';')[0]!;
      const me = await fetch(`${second!.url}/api/auth/me`, { headers: { cookie } });
      expect(me.status).toBe(200);
      expect(await me.json()).toMatchObject({ account: { role: 'learner' } });
    } finally {
      await Promise.all(servers.map((server) => server.close()));
      await admin.query(`drop database if exists ${database} with (force)`);
      await admin.end();
    }
  });
});
