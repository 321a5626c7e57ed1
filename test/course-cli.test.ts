import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { courseJsonSchemas } from '../src/course/index.js';
import { runCli } from './cli-run.js';

const repo = path.resolve(import.meta.dirname, '..');
const scratch = await mkdtemp(path.join(tmpdir(), 'primer-cli-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('primer init', () => {
  it('creates a course with every exercise type that passes check, and refuses to overwrite', async () => {
    const dir = path.join(scratch, 'linear-algebra');
    expect((await runCli(['init', dir, '--title', 'Linear algebra'])).code).toBe(0);
    expect(await readFile(path.join(dir, 'course.yaml'), 'utf8')).toMatch(/^id: linear-algebra$/m);
    const check = await runCli(['course', 'check', dir]);
    expect(check).toEqual({ code: 0, output: '0 errors, 0 warnings' });

    const build = await runCli(['course', 'build', dir, '--out', path.join(scratch, 'linear-out')]);
    expect(build.code).toBe(0);
    const bundle = JSON.parse(await readFile(path.join(scratch, 'linear-out', 'public.json'), 'utf8'));
    const types = new Set(bundle.exercises.map((e: { type: string }) => e.type));
    expect([...types].sort()).toEqual(['choice', 'code', 'expression', 'free-response', 'numeric', 'text']);
    expect(bundle.exercises.some((e: { template?: unknown }) => e.template)).toBe(true);

    const settings = JSON.parse(await readFile(path.join(dir, '.vscode', 'settings.json'), 'utf8'));
    expect(settings['yaml.schemas']['./.schemas/course.schema.json']).toBe('course.yaml');
    expect(await readdir(path.join(dir, '.schemas'))).toContain('exercises.schema.json');

    const again = await runCli(['init', dir]);
    expect(again.code).toBe(2);
    expect(again.output).toMatch(/is not empty/);
  });
});

describe('JSON Schemas for editors', () => {
  it('are committed under schemas/ exactly as generated from the Zod schemas', async () => {
    for (const [file, text] of Object.entries(courseJsonSchemas())) {
      expect(await readFile(path.join(repo, 'schemas', file), 'utf8'), `schemas/${file} is stale: run primer course schema --out schemas`).toBe(text);
    }
  });

  it('describe the fields a teacher types, with the same constraints the checker applies', () => {
    const course = JSON.parse(courseJsonSchemas()['course.schema.json']);
    expect(course.required).toEqual(expect.arrayContaining(['id', 'title', 'language', 'authors', 'license', 'skills']));
    expect(course.properties.masteryThreshold.default).toBe(0.95);
    expect(course.additionalProperties).toBe(false);
    expect(course.properties.skills.items.properties.prerequisites.description).toMatch(/DAG/);
  });
});

describe('primer --help', () => {
  it('describes every command and option', async () => {
    const help = await runCli(['course', 'build', '--help']);
    expect(help.output).toMatch(/--out <dir>\s+folder to write public\.json and keys\.json/);
  });
});
