// JSON Schemas for editors, generated from the same Zod schemas that validate course files,
// so what an editor accepts while a teacher types is exactly what `primer course check` accepts.
import { z } from 'zod';
import { courseFileSchema, exerciseFileSchema, exerciseSchema, lessonFrontMatterSchema } from './schema.js';

const sources = {
  'course.schema.json': { schema: courseFileSchema, title: 'Primer course.yaml' },
  'exercises.schema.json': { schema: exerciseFileSchema, title: 'Primer exercises/*.yaml' },
  'exercise.schema.json': { schema: exerciseSchema, title: 'Primer exercise (a ```exercise block in a lesson)' },
  'lesson.schema.json': { schema: lessonFrontMatterSchema, title: 'Primer lesson front matter' },
} as const;

export type JsonSchemaFile = keyof typeof sources;

/** Every JSON Schema file by name, e.g. "course.schema.json", as formatted JSON text. */
export function courseJsonSchemas(): Record<JsonSchemaFile, string> {
  return Object.fromEntries(
    Object.entries(sources).map(([file, { schema, title }]) => {
      const json = { title, ...z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' }) };
      return [file, `${JSON.stringify(json, null, 2)}\n`];
    }),
  ) as Record<JsonSchemaFile, string>;
}
