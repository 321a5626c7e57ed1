// POST /api/teacher/courses takes a built bundle `{ public, keys }`, as `primer course build` writes
// it. Before it is published, the bundle must have the right shape, both halves must name the same
// version, every exercise must have its key, and the content must still match its hash (so a bundle
// edited by hand after the build is refused instead of half-working in front of learners).
import { z } from 'zod';
import { bundleFormat, bundleHash, courseFileSchema, type CourseBundle } from '../../course/index.js';

const exerciseTypes = ['choice', 'numeric', 'expression', 'text', 'free-response', 'code'] as const;

const publicSchema = z.looseObject({
  format: z.literal(bundleFormat, `this Primer reads bundle format ${bundleFormat}; rebuild the course with this version of primer`),
  hash: z.string().regex(/^[0-9a-f]{64}$/, 'expected the 64-character content hash that primer course build writes'),
  course: courseFileSchema,
  lessons: z.array(z.looseObject({ id: z.string().min(1), title: z.string(), blocks: z.array(z.unknown()) })),
  exercises: z.array(z.looseObject({ id: z.string().min(1), type: z.enum(exerciseTypes), skills: z.array(z.string()) })),
  chunks: z.array(z.looseObject({ id: z.string().min(1), lesson: z.string(), text: z.string(), hash: z.string() })),
});

const keysSchema = z.looseObject({
  format: z.literal(bundleFormat, `this Primer reads bundle format ${bundleFormat}; rebuild the course with this version of primer`),
  hash: z.string(),
  exercises: z.record(z.string(), z.looseObject({ type: z.enum(exerciseTypes) })),
});

const bundleSchema = z.object({
  public: publicSchema.describe('public.json'),
  keys: keysSchema.describe('keys.json'),
});

/** The bundle, or a reason a teacher can act on (which file, which field, what to do). */
export function parseUploadedBundle(body: unknown): { bundle: CourseBundle } | { error: string } {
  const parsed = bundleSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const [half, ...field] = issue.path.map(String);
    const file = half === 'public' ? 'public.json' : half === 'keys' ? 'keys.json' : 'the upload';
    const where = field.length > 0 ? `${file}, ${field.join('.')}` : file;
    return { error: `${where}: ${issue.message}. Upload the public.json and keys.json that primer course build wrote, as { "public": …, "keys": … }` };
  }
  // Checked on the body as sent: Zod's output may order keys differently, and the hash covers the JSON text.
  const bundle = body as CourseBundle;
  if (bundle.public.hash !== bundle.keys.hash) {
    return { error: 'public.json and keys.json are from different builds (their hashes differ); upload both files from the same primer course build' };
  }
  const missing = bundle.public.exercises.filter((exercise) => bundle.keys.exercises[exercise.id]?.type !== exercise.type).map((exercise) => exercise.id);
  if (missing.length > 0) {
    return { error: `keys.json has no matching answer key for exercise${missing.length > 1 ? 's' : ''} ${missing.map((id) => `"${id}"`).join(', ')}; upload both files from the same primer course build` };
  }
  if (bundleHash(bundle.public, bundle.keys.exercises) !== bundle.public.hash) {
    return { error: 'the bundle does not match its content hash: it was changed after primer course build; edit the course folder and build it again instead' };
  }
  return { bundle };
}
