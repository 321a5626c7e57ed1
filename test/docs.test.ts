// The examples in docs/course-format.md are what teachers copy: each must be valid.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { courseFileSchema, exerciseSchema } from '../src/course/index.js';

const spec = await readFile(path.resolve(import.meta.dirname, '../docs/course-format.md'), 'utf8');
const yamlBlocks = [...spec.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)].map((m) => m[1]!).filter((text) => !text.includes('# …'));
const exerciseBlocks = [...spec.matchAll(/^```exercise\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);

describe('docs/course-format.md examples', () => {
  it('has a valid course.yaml example', () => {
    const course = yamlBlocks.find((text) => text.startsWith('id: backprop'));
    expect(courseFileSchema.safeParse(parse(course!)).error).toBeUndefined();
  });

  it('has a valid example of every exercise type and of a template', () => {
    const exercises = [...yamlBlocks.filter((text) => text.startsWith('- id:')).flatMap((text) => parse(text) as unknown[]), ...exerciseBlocks.map((text) => parse(text) as unknown)];
    const types = new Set<string>();
    for (const exercise of exercises) {
      const result = exerciseSchema.safeParse(exercise);
      expect(result.error, JSON.stringify(exercise).slice(0, 80)).toBeUndefined();
      types.add(result.data!.type);
    }
    expect([...types].sort()).toEqual(['choice', 'code', 'expression', 'free-response', 'numeric', 'text']);
    expect(exercises.some((e) => (e as { template?: unknown }).template)).toBe(true);
  });
});
