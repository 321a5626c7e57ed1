import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/cli-run.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'primer-guard-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function guard(lines: string[]): Promise<{ code: number; results: unknown[] }> {
  const file = path.join(dir, `input-${Math.random().toString(36).slice(2)}.jsonl`);
  await writeFile(file, `${lines.join('\n')}\n`);
  const { code, output } = await runCli(['guard', '--jsonl', '--input', file]);
  return { code, results: output.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line)) };
}

describe('primer guard --jsonl', () => {
  it('writes one verdict per line, in order, and reports malformed lines without stopping', async () => {
    const { code, results } = await guard([
      JSON.stringify({ answer: 12, type: 'numeric', text: 'The answer is twelve.' }),
      JSON.stringify({ answer: 12, type: 'numeric', text: 'Yes, 12 is right.', context: ['What is 3 × 4?', 'I got 12'] }),
      '{"answer": 12, "type": "numeric", "text": ',
      JSON.stringify({ answer: 'b', type: 'multiple', text: 'x' }),
      JSON.stringify({ answer: '2*x*cos(x^2)', type: 'expression', text: 'So the derivative is $2x\\cos(x^2)$.' }),
      JSON.stringify({ answer: 'b', type: 'choice', text: 'Is it (a), (b) or (c)?', context: 'Which rule? (a) product (b) chain (c) quotient' }),
      JSON.stringify({ answer: 'b', type: 'choice', text: 'Go with b.' }),
      '',
      JSON.stringify({ answer: ['linear'], type: 'text', text: 'Differentiation is linear.' }),
      JSON.stringify({ answer: 'def f(x):\n    return x * x + 1\n', type: 'code', text: 'Write `return x*x + 1`.' }),
      JSON.stringify({ answer: 'x +', type: 'expression', text: 'x' }),
    ]);
    expect(code).toBe(0);
    expect(results).toHaveLength(11);
    expect(results.map((result) => (result as { leak?: boolean }).leak ?? 'error')).toEqual([true, false, 'error', 'error', true, false, true, 'error', true, true, 'error']);
    expect(results[0]).toEqual({ leak: true, evidence: expect.stringContaining('twelve') });
    expect(results[1]).toEqual({ leak: false, evidence: null });
    expect(results[2]).toEqual({ error: expect.stringMatching(/^line 3: not valid JSON/) });
    expect(results[3]).toEqual({ error: expect.stringMatching(/^line 4: "type"/) });
    expect(results[7]).toEqual({ error: 'line 8: empty line; expected a JSON object' });
    expect(results[10]).toEqual({ error: expect.stringMatching(/^line 11: the expression answer does not parse/) });
  });

  it('says what to do when the input file is missing', async () => {
    const { code, output } = await runCli(['guard', '--jsonl', '--input', path.join(dir, 'missing.jsonl')]);
    expect(code).toBe(2);
    expect(output).toContain('input file not found');
  });

  it('documents every option in --help', async () => {
    const { output } = await runCli(['guard', '--help']);
    expect(output).toContain('--jsonl');
    expect(output).toContain('--input <file>');
  });
});
