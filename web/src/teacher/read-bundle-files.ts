// Turns the files a teacher picks into the body of POST /api/teacher/courses: either one JSON file
// holding `{public, keys}`, or the two files `primer course build` writes (public.json, keys.json).
// Every refusal is a sentence the teacher can act on; nothing here throws for a teacher's mistake.

export interface PickedFile {
  name: string;
  text: string;
}

export interface CourseBundleUpload {
  public: Record<string, unknown>;
  keys: Record<string, unknown>;
}

export type ReadBundleResult =
  | { ok: true; bundle: CourseBundleUpload; courseId: string | null }
  | { ok: false; error: ReadBundleError };

/** Why the files are not a bundle; `file` names the file at fault when there is one. The UI translates `code`. */
export interface ReadBundleError {
  code: 'no-files' | 'too-many-files' | 'not-json' | 'not-a-bundle' | 'two-publics' | 'two-keys' | 'hash-mismatch';
  file?: string;
}

/**
 * Reads one or two picked files into a bundle.
 * @example readBundleFiles([{ name: 'public.json', text }, { name: 'keys.json', text: keysText }])
 */
export function readBundleFiles(files: PickedFile[]): ReadBundleResult {
  if (files.length === 0) return { ok: false, error: { code: 'no-files' } };
  if (files.length > 2) return { ok: false, error: { code: 'too-many-files' } };

  const parsed: { name: string; value: Record<string, unknown> }[] = [];
  for (const file of files) {
    let value: unknown;
    try {
      value = JSON.parse(file.text);
    } catch {
      return { ok: false, error: { code: 'not-json', file: file.name } };
    }
    if (!isObject(value)) return { ok: false, error: { code: 'not-a-bundle', file: file.name } };
    parsed.push({ name: file.name, value });
  }

  if (parsed.length === 1) {
    const [only] = parsed;
    if (!only) return { ok: false, error: { code: 'no-files' } };
    const { value } = only;
    if (isObject(value.public) && isObject(value.keys) && isPublic(value.public) && isKeys(value.keys)) {
      return finish({ public: value.public, keys: value.keys });
    }
    // A lone public.json or keys.json: say which half is missing.
    return { ok: false, error: { code: 'not-a-bundle', file: only.name } };
  }

  const publics = parsed.filter((file) => isPublic(file.value));
  const keys = parsed.filter((file) => !isPublic(file.value) && isKeys(file.value));
  if (publics.length === 2) return { ok: false, error: { code: 'two-publics' } };
  if (keys.length === 2) return { ok: false, error: { code: 'two-keys' } };
  const publicFile = publics[0];
  const keysFile = keys[0];
  if (!publicFile || !keysFile) {
    const stranger = parsed.find((file) => file !== publicFile && file !== keysFile);
    return { ok: false, error: { code: 'not-a-bundle', file: stranger?.name } };
  }
  return finish({ public: publicFile.value, keys: keysFile.value });
}

function finish(bundle: CourseBundleUpload): ReadBundleResult {
  // Both halves carry the version hash; two halves of different builds would never check answers right.
  if (typeof bundle.public.hash === 'string' && typeof bundle.keys.hash === 'string' && bundle.public.hash !== bundle.keys.hash) {
    return { ok: false, error: { code: 'hash-mismatch' } };
  }
  const course = bundle.public.course;
  const courseId = isObject(course) && typeof course.id === 'string' ? course.id : null;
  return { ok: true, bundle, courseId };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** public.json has the course, its lessons and chunks. */
function isPublic(value: Record<string, unknown>): boolean {
  return isObject(value.course) && Array.isArray(value.lessons);
}

/** keys.json maps exercise ids to their keys. */
function isKeys(value: Record<string, unknown>): boolean {
  return isObject(value.exercises) && !('course' in value);
}
