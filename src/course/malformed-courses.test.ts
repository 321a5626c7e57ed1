import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/cli-run.js';
import { writeCourseFolder } from '../../test/course-folder.js';
import { malformedCourses } from './__fixtures__/malformed-courses.js';
import { compileCourse } from './index.js';

const root = await mkdtemp(path.join(tmpdir(), 'primer-malformed-'));
afterAll(() => rm(root, { recursive: true, force: true }));

describe('malformed courses', () => {
  it('has at least 25 distinct fixtures', () => {
    expect(new Set(malformedCourses.map((c) => c.name)).size).toBeGreaterThanOrEqual(25);
    expect(new Set(malformedCourses.map((c) => JSON.stringify(c.files))).size).toBe(malformedCourses.length);
  });

  it.each(malformedCourses)('$name → $expect.at', async ({ name, files, expect: expected }) => {
    const dir = path.join(root, name.replace(/\W+/g, '-'));
    await writeCourseFolder(dir, files);
    const { code, output } = await runCli(['course', 'check', dir]);
    expect(code).toBe(1);
    const line = output.split('\n').find((l) => l.startsWith(`${expected.at}: error: `));
    expect(line, output).toBeDefined();
    expect(line).toMatch(expected.message);
    expect(output).not.toMatch(/\n\s+at .+:\d+:\d+\)?/); // no stack trace
    expect(output).toMatch(/\d+ errors?, \d+ warnings?$/);
  });

  it('prints diagnostics as JSON with --json', async () => {
    const { files } = malformedCourses.find((c) => c.name === 'empty hint ladder')!;
    const dir = path.join(root, 'json');
    await writeCourseFolder(dir, files);
    const { code, output } = await runCli(['course', 'check', dir, '--json']);
    expect(code).toBe(1);
    expect(JSON.parse(output)).toContainEqual(expect.objectContaining({ path: 'lessons/01-adding.md', line: 12, column: 5, severity: 'error', message: 'exercise "add-1": empty hint ladder' }));
  });

  it('never throws, whatever the files contain', () => {
    const garbage = ['', '---', '---\n---\n', ':::', '```exercise\n```', '- - -\n  :', '\u0000\u0001', '[[[{{{', 'id: [', '&a *a'];
    for (const text of garbage) {
      for (const file of ['course.yaml', 'lessons/01-x.md', 'exercises/x.yaml']) {
        expect(() => compileCourse(new Map([[file, text]]))).not.toThrow();
      }
    }
  });

  it('says in one line when the folder does not exist', async () => {
    const { code, output } = await runCli(['course', 'check', path.join(root, 'nope')]);
    expect(code).toBe(2);
    expect(output).toMatch(/^primer: course folder not found: .*nope/);
  });
});
