import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeCourseFolder } from '../../../test/course-folder.js';
import { asCourseFiles, tinyCourse } from '../../course/__fixtures__/tiny-course.js';
import { compileCourse, type CourseBundle } from '../../course/index.js';
import { createStore, openTestDatabase } from '../../store/index.js';
import { watchCourseFolder } from '../watch-course-folder.js';
import { createCourseCatalog } from './course-catalog.js';

const store = createStore({ database: await openTestDatabase('pglite'), parseEvent: (_type, payload) => payload });
const dir = await mkdtemp(path.join(tmpdir(), 'primer-catalog-'));
afterAll(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const compile = (files: Record<string, string>) => compileCourse(asCourseFiles(files)).bundle as CourseBundle;

describe('course catalog', () => {
  const catalog = createCourseCatalog(store.db);
  const first = compile(tinyCourse);
  const second = compile({ ...tinyCourse, 'lessons/01-adding.md': tinyCourse['lessons/01-adding.md']!.replace('Count on from 3.', 'Start at 3 and count four more.') });

  it('publishes a version once, keeps every version, and serves the newest', async () => {
    expect(await catalog.publish(first, null)).toEqual({ course: 'tiny', version: first.public.hash, isNew: true });
    expect((await catalog.publish(first, null)).isNew).toBe(false);
    await catalog.publish(second, null);
    expect((await catalog.versions('tiny')).map((v) => v.version).sort()).toEqual([first.public.hash, second.public.hash].sort());
    expect((await catalog.bundle('tiny'))!.public.hash).toBe(second.public.hash);
    expect(await catalog.list()).toEqual([{ id: 'tiny', title: 'Tiny course', owner: null, version: second.public.hash }]);
  });

  it('reads an older version back from the database with its keys', async () => {
    const fresh = createCourseCatalog(store.db); // no cache: must come from the tables
    const old = await fresh.bundle('tiny', first.public.hash);
    expect(old!.public.lessons[0]!.blocks[1]).toEqual({ kind: 'exercise', exercise: 'add-1' });
    expect(old!.keys.exercises['add-1']).toMatchObject({ type: 'numeric', answer: 7 });
    expect(await fresh.bundle('nope')).toBeUndefined();
  });

  it('publishes a watched folder again when a file changes, and not while it has errors', async () => {
    await writeCourseFolder(dir, Object.fromEntries(Object.entries(tinyCourse).map(([file, text]) => [file, text.replace('Tiny course', 'Watched course').replace('id: tiny', 'id: watched')])));
    const builds: string[] = [];
    let notify: () => void = () => {};
    const watched = await watchCourseFolder(dir, async (result) => {
      builds.push(result.bundle ? 'ok' : 'errors');
      if (result.bundle) await catalog.publish(result.bundle, null);
      notify();
    }, 50);
    const nextBuild = () => new Promise<void>((resolve) => (notify = resolve));
    try {
      const v1 = (await catalog.bundle('watched'))!.public.hash;
      let built = nextBuild();
      await writeFile(path.join(dir, 'lessons/01-adding.md'), tinyCourse['lessons/01-adding.md']!.replace('hints:\n  - Count on from 3.', 'hints: []'));
      await built;
      expect((await catalog.bundle('watched'))!.public.hash).toBe(v1);
      built = nextBuild();
      await writeFile(path.join(dir, 'lessons/01-adding.md'), tinyCourse['lessons/01-adding.md']!.replace('Count on from 3.', 'Count up from 3.'));
      await built;
      expect((await catalog.bundle('watched'))!.public.hash).not.toBe(v1);
      expect(builds[0]).toBe('ok');
      expect(builds).toContain('errors');
    } finally {
      watched.close();
    }
  });
});
