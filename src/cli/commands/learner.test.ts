import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { areaUnderRoc, createSeededRandom } from '../../eval/index.js';
import { main } from '../index.js';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const assistments = path.resolve(repoRoot, '../shared/data/assistments/skill_builder_train.csv');

let dir: string;
const truth = { prior: 0.3, learn: 0.2, guess: 0.15, slip: 0.1 };

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'primer-learner-'));
  const random = createSeededRandom(11);
  const rows = ['user_id,skill_name,correct'];
  for (let learner = 0; learner < 300; learner++) {
    for (const skill of ['fractions', 'ratios']) {
      let known = random() < truth.prior;
      for (let t = 0; t < 8; t++) {
        rows.push(`learner-${learner},${skill},${(known ? random() >= truth.slip : random() < truth.guess) ? 1 : 0}`);
        known ||= random() < truth.learn;
      }
    }
  }
  await writeFile(path.join(dir, 'responses.csv'), `${rows.join('\n')}\n`);
});
afterAll(() => rm(dir, { recursive: true, force: true }));
afterEach(() => {
  process.exitCode = undefined; // the command reports failures through the exit code; do not leak it
});

const run = (...args: string[]) => main(['node', 'primer', 'learner', ...args]);

describe('primer learner', () => {
  it('fits parameters close to the ones that generated the data, then predicts each next attempt', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const csv = path.join(dir, 'responses.csv');
    const params = path.join(dir, 'params.json');
    expect(await run('fit', '--csv', csv, '--out', params)).toBe(0);
    const model = JSON.parse(await readFile(params, 'utf8'));
    for (const key of ['prior', 'learn', 'guess', 'slip'] as const) expect(Math.abs(model.skills.fractions[key] - truth[key]), key).toBeLessThan(0.08);

    const out = path.join(dir, 'predictions.csv');
    expect(await run('predict', '--params', params, '--csv', csv, '--out', out)).toBe(0);
    const lines = (await readFile(out, 'utf8')).trim().split('\n');
    expect(lines[0]).toBe('user_id,skill_name,correct,p_correct');
    expect(lines).toHaveLength(1 + 300 * 2 * 8);
    const rows = lines.slice(1).map((line) => line.split(','));
    const first = Number(rows[0]![3]);
    expect(first).toBeCloseTo(model.skills.fractions.prior * (1 - model.skills.fractions.slip) + (1 - model.skills.fractions.prior) * model.skills.fractions.guess, 5);
    expect(areaUnderRoc(rows.map((row) => Number(row[3])), rows.map((row) => Number(row[2])))).toBeGreaterThan(0.7);
    log.mockRestore();
  });

  it('names the file, line and column of a bad row and exits 1', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const bad = path.join(dir, 'bad.csv');
    await writeFile(bad, 'user_id,skill_name,correct\nana,fractions,1\nana,fractions,maybe\n');
    expect(await run('fit', '--csv', bad, '--out', path.join(dir, 'never.json'))).toBe(1);
    expect(error.mock.calls.map((call) => String(call[0]))).toContain(`${bad}:3:15: correct must be 0 or 1, not "maybe" (write 1 for a correct first attempt and 0 for an incorrect one)`);
    expect(await run('predict', '--params', path.join(dir, 'missing.json'), '--csv', bad, '--out', path.join(dir, 'x.csv'))).toBe(2);
    expect(String(error.mock.calls.at(-1)![0])).toMatch(/parameters file not found: .*missing\.json/);
    error.mockRestore();
  });

  it('fits and predicts the first 5,000 rows of ASSISTments, with forgetting, per run', async () => {
    if (!existsSync(assistments)) {
      console.log(`skipped: ${assistments} not found`);
      return;
    }
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const csv = path.join(dir, 'assistments.csv');
    await writeFile(csv, (await readFile(assistments, 'utf8')).split('\n').slice(0, 5001).join('\n'));
    const params = path.join(dir, 'assistments.json');
    expect(await run('fit', '--csv', csv, '--out', params, '--forgets', '--sequences', 'run')).toBe(0);
    const model = JSON.parse(await readFile(params, 'utf8'));
    expect(model).toMatchObject({ forgets: true, sequences: 'run' });
    expect(Object.values(model.skills as Record<string, { guess: number; slip: number }>).every((p) => p.guess <= 0.3 && p.slip <= 0.3)).toBe(true);
    const out = path.join(dir, 'assistments-predictions.csv');
    expect(await run('predict', '--params', params, '--csv', csv, '--out', out)).toBe(0);
    const rows = (await readFile(out, 'utf8')).trim().split('\n').slice(1).map((line) => line.split(','));
    expect(rows).toHaveLength(5000);
    expect(areaUnderRoc(rows.map((row) => Number(row[3])), rows.map((row) => Number(row[2])))).toBeGreaterThan(0.7);
    log.mockRestore();
  });
});
