import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeCourseFolder } from '../../../test/course-folder.js';
import { tinyCourse } from '../../course/__fixtures__/tiny-course.js';
import { compileCourse } from '../../course/index.js';
import { readCourseFolder } from '../read-course-folder.js';
import { createPreviewApp } from './preview-app.js';
import { startPreview } from './start-preview.js';

const dir = await mkdtemp(path.join(tmpdir(), 'primer-preview-'));
afterAll(() => rm(dir, { recursive: true, force: true }));
await writeCourseFolder(dir, tinyCourse);

describe('course preview', async () => {
  const result = compileCourse(await readCourseFolder(dir));
  const app = createPreviewApp({ courseDir: dir, current: () => result, onChange: () => () => {} });

  it('lists the lessons and says the course checks clean', async () => {
    const page = await (await app.request('/')).text();
    expect(page).toContain('href="/lessons/adding"');
    expect(page).toContain('no problems');
  });

  it('renders a lesson with KaTeX math and its exercises as a learner sees them, without keys', async () => {
    const response = await app.request('/lessons/multiplying');
    const page = await response.text();
    expect(response.status).toBe(200);
    expect(page).toContain('class="katex"');
    expect(page).toContain('type="radio" name="answer-mul-choice"');
    expect(page).toContain('Add 2 three times.');
    expect(page).not.toContain('It is the second choice.'); // the revealing rung
    expect(page).not.toContain('product'); // the accepted answer of mul-word
  });

  it('turns links between lesson files into links between lesson pages', async () => {
    const page = await (await app.request('/lessons/adding')).text();
    expect(page).toContain('href="/lessons/multiplying"');
  });

  it('serves figures but never the course source files', async () => {
    expect((await app.request('/figures/dots.svg')).headers.get('content-type')).toBe('image/svg+xml');
    expect((await app.request('/exercises/practice.yaml')).status).toBe(404);
    expect((await app.request('/../../etc/passwd')).status).toBe(404);
  });

  it('rebuilds when a file changes and shows the new problem', async () => {
    const server = await startPreview({ courseDir: dir, host: '127.0.0.1', port: 0 });
    try {
      const rebuilt = new Promise<void>((resolve) => {
        void fetch(`${server.url}_events`).then(async (response) => {
          const reader = response.body!.getReader();
          const { value } = await reader.read();
          if (new TextDecoder().decode(value).includes('reload')) resolve();
          await reader.cancel();
        });
      });
      await new Promise((resolve) => setTimeout(resolve, 200)); // let the event stream connect
      await writeFile(path.join(dir, 'lessons/01-adding.md'), tinyCourse['lessons/01-adding.md']!.replace('hints:\n  - Count on from 3.', 'hints: []'));
      await rebuilt;
      expect(await (await fetch(server.url)).text()).toContain('empty hint ladder');
    } finally {
      await writeFile(path.join(dir, 'lessons/01-adding.md'), tinyCourse['lessons/01-adding.md']!);
      await server.close();
    }
  });
});
