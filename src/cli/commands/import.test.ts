import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { compileCourse } from '../../course/index.js';
import { checkCourseExercises } from '../../exercise/index.js';
import { readCourseFolder } from '../../server/index.js';
import { main } from '../index.js';
import { importOatutor, type OatutorImportReport } from './import.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const oatutorData = path.resolve(repoRoot, '../shared/data/oatutor');
const hasData = existsSync(path.join(oatutorData, 'coursePlans.json'));
if (!hasData) console.warn(`skipping the OATutor import of real data: ${oatutorData} is absent`);

async function runCli(...args: string[]): Promise<{ code: number; output: string }> {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  const error = vi.spyOn(console, 'error').mockImplementation(() => {});
  try {
    const code = await main(['node', 'primer', ...args]);
    return { code, output: [...log.mock.calls, ...error.mock.calls].map((call) => call.join(' ')).join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

async function writeJson(file: string, value: unknown): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(value));
}

describe('primer import oatutor', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'primer-oatutor-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('prints the --json summary for a small folder, replaces its own earlier import, and refuses to overwrite other folders', async () => {
    const source = path.join(dir, 'small');
    await writeJson(path.join(source, 'coursePlans.json'), [{ courseName: 'Tiny Course', language: 'en', lessons: [{ id: 'L1', name: 'One', learningObjectives: { adding: 0.9 } }] }]);
    await writeJson(path.join(source, 'skillModel.json'), { p1a: ['adding'] });
    await writeJson(path.join(source, 'content-pool', 'p1', 'p1.json'), { id: 'p1', title: 'Add', body: '', lessonId: 'L1', variabilization: {} });
    await writeJson(path.join(source, 'content-pool', 'p1', 'steps', 'p1a', 'p1a.json'), { id: 'p1a', stepTitle: 'What is $$2+3$$?', problemType: 'TextBox', answerType: 'arithmetic', stepAnswer: ['$$5$$'] });
    await writeJson(path.join(source, 'content-pool', 'p1', 'steps', 'p1a', 'tutoring', 'p1aDefaultPathway.json'), [{ id: 'p1a-h1', type: 'hint', title: '', text: 'Count on.', dependencies: [] }]);
    await writeJson(path.join(source, 'content-pool', 'p1', 'steps', 'p1b', 'p1b.json'), { id: 'p1b', stepTitle: 'Solve', problemType: 'TextBox', answerType: 'arithmetic', stepAnswer: ['$$x<3$$'] });
    const out = path.join(dir, 'small-out');

    const first = await runCli('import', 'oatutor', source, '--out', out, '--json');
    expect(first.code).toBe(0);
    const report = JSON.parse(first.output) as OatutorImportReport;
    expect(report).toMatchObject({ courses: 1, lessons: 1, problems: 1, steps: 2, converted: 1, selfConsistent: 1, failures: [{ id: 'p1b', reason: expect.stringMatching(/inequality/) }] });
    expect(await readFile(path.join(out, 'tiny-course', 'exercises', '01-one.yaml'), 'utf8')).toContain('answer: 5');

    expect((await runCli('import', 'oatutor', source, '--out', out)).output).toMatch(/1 converted, 1 self-consistent, 1 not imported/);
    await writeFile(path.join(out, 'tiny-course', 'course.yaml'), 'id: mine\n');
    const refused = await runCli('import', 'oatutor', source, '--out', out);
    expect(refused.code).toBe(2);
    expect(refused.output).toMatch(/was not written by `primer import oatutor`/);
    expect((await runCli('import', 'oatutor', path.join(dir, 'nowhere'), '--out', out)).output).toMatch(/OATutor folder not found/);
  });

  describe.skipIf(!hasData)('on ../shared/data/oatutor (three published courses)', () => {
    let report: OatutorImportReport;
    beforeAll(async () => {
      const error = vi.spyOn(console, 'error').mockImplementation(() => {});
      try {
        report = await importOatutor(oatutorData, path.join(dir, 'real'));
      } finally {
        error.mockRestore();
      }
    }, 300_000);

    it('converts every step or lists it with a reason', () => {
      expect(report.courses).toBe(3);
      expect(report.steps).toBe(742);
      const listed = report.failures.map((f) => f.id);
      expect(new Set(listed).size).toBe(listed.length);
      expect(report.selfConsistent + listed.length).toBe(report.steps);
      for (const failure of report.failures) expect(failure.reason).not.toBe('');
    });

    it('judges the stored answer of every converted step correct (self-consistency 100%)', () => {
      expect(report.converted).toBeGreaterThan(0);
      expect(report.selfConsistent).toBe(report.converted);
    });

    it('writes courses that pass `primer course check` with 0 errors', async () => {
      expect(report.written.map((c) => c.id).sort()).toEqual(['data-8-discussion-worksheets', 'matematik-4', 'solid-foundations-algebra']);
      expect(report.written.map((c) => c.errors)).toEqual([0, 0, 0]); // the importer's own course check, on the texts it wrote
      // and `primer course check` itself on one written folder, read back from disk
      const folder = report.written.find((c) => c.id === 'matematik-4')!.folder;
      const compiled = compileCourse(await readCourseFolder(folder));
      const diagnostics = compiled.bundle ? [...compiled.diagnostics, ...(await checkCourseExercises(compiled.bundle))] : compiled.diagnostics;
      expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(compiled.bundle?.public.course.language).toBe('sv');
    }, 300_000);
  });
});
