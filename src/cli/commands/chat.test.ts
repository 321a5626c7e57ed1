import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { tinyCourse } from '../../course/__fixtures__/tiny-course.js';
import { main } from '../index.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'primer-chat-test-'));
  for (const [file, text] of Object.entries(tinyCourse)) {
    await mkdir(path.dirname(path.join(dir, 'course', file)), { recursive: true });
    await writeFile(path.join(dir, 'course', file), text);
  }
  await writeFile(path.join(dir, 'primer.config.yaml'), 'models: {}\n');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('primer chat', () => {
  it('runs a scripted session in no-model mode and prints a JSON transcript per turn', async () => {
    const input = path.join(dir, 'session.txt');
    await writeFile(input, ['Hello, where do I start?', '/exercise add-1', '/answer 8', '/hint', '/answer 7', 'Ready', '/dance'].join('\n'));
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      const code = await main(['node', 'primer', 'chat', '--course', path.join(dir, 'course'), '--input', input, '--json', '--config', path.join(dir, 'primer.config.yaml'), '--data', path.join(dir, 'data')]);
      expect(code).toBe(0);
      const transcript = JSON.parse(String(log.mock.calls.at(-1)![0])) as { turns: Record<string, unknown>[] };
      const [hello, open, wrong, hint, right, ready, unknown] = transcript.turns;
      expect(hello).toMatchObject({ mode: 'no-model', tier: null, provider: null });
      expect(String((hello!.notices as string[])[0])).toContain('offline');
      expect(open).toMatchObject({ shown: [{ exercise: 'add-1', prompt: 'What is $3 + 4$?' }] });
      expect(wrong).toMatchObject({ verdicts: [{ exercise: 'add-1', verdict: 'incorrect' }] });
      expect(hint).toMatchObject({ hints: [{ exercise: 'add-1', rung: 1, reveals: false }], shown: [{ hint: 1, text: 'Count on from 3.' }] });
      expect(right).toMatchObject({ verdicts: [{ exercise: 'add-1', verdict: 'correct' }] });
      expect(right!.text).toBe('Well done. Say when you are ready for the next one, or ask me about anything in the lesson.');
      expect(ready).toMatchObject({ shown: [{ lesson: 'multiplying' }] }); // saying so moves on, as the reply promised
      expect(hello).toMatchObject({ offline: expect.stringContaining('no model') }); // why, for the operator
      expect(unknown).toMatchObject({ error: expect.stringContaining('unknown command') });
    } finally {
      log.mockRestore();
    }
  }, 180_000);

  it('prints a session as a person reads it: the offline notice once, mastery only after a graded answer', async () => {
    const input = path.join(dir, 'printed.txt');
    // the last answer takes several lines, as code would: a lone /answer, the lines, a dot
    await writeFile(input, ['Hello', 'ok', '/exercise add-1', '/answer seven', '/answer 8', '/hint', '/answer', '', '7', '.'].join('\n'));
    const written: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      expect(await main(['node', 'primer', 'chat', '--course', path.join(dir, 'course'), '--input', input, '--config', path.join(dir, 'primer.config.yaml'), '--data', path.join(dir, 'printed-data')])).toBe(0);
    } finally {
      write.mockRestore();
      log.mockRestore();
    }
    const printed = written.join('');
    expect(printed.match(/The assistant is offline/g)).toHaveLength(1);
    expect(printed).toContain('[Could not read the answer] ("seven" is not a number or a unit; enter a number, such as 0.5, 1/2, 5e-1, or 50%)');
    expect(printed).toContain('[Hint 1] Count on from 3.');
    // mastery moves with the wrong and the right answer, not with the unreadable one or the hint
    expect(printed.match(/% mastered/g)).toHaveLength(2);
    expect(printed).toMatch(/\[Not yet\][\s\S]*\[Adding: \d+% mastered\][\s\S]*\[Correct\]/);
    // "ok" opens the first exercise: it is printed after the words that lead to it
    expect(printed.indexOf('Here is your exercise.')).toBeGreaterThan(0);
    expect(printed.indexOf('[Exercise add-1] What is $3 + 4$?')).toBeGreaterThan(printed.indexOf('Here is your exercise.'));
    expect(printed).toContain('[Exercise add-1] What is $3 + 4$?\n(Answer with /answer <your answer>, or ask for a /hint.)'); // how to answer, in the terminal
  }, 180_000);

  it('greets a person at the prompt with the commands and the lessons to open, then answers what they type', () => {
    const bin = new URL('../../../bin/primer.js', import.meta.url).pathname;
    const run = spawnSync(process.execPath, [bin, 'chat', '--course', path.join(dir, 'course'), '--config', path.join(dir, 'primer.config.yaml')], { input: "Let's go to multiplying\nWhat does multiplying mean?\n", encoding: 'utf8', timeout: 120_000 });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Tiny course — type a message, or /lesson <id>, /exercise <id>, /answer <text>, /hint, /lang <code>.');
    expect(run.stdout).toContain('Lessons, for /lesson <id>: adding (Adding), multiplying (Multiplying).');
    expect(run.stdout.match(/^# Multiplying$/gm)).toHaveLength(1); // the lesson it asked for, by name, printed once: not again with the next answer
    expect(run.stdout).toContain('The course explains this in [multiplying#multiplying]:');
  }, 180_000);
});
