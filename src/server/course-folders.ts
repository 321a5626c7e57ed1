// The course folders a server serves (`--course`, or every course folder under `--courses`), and
// what happens to each build of one: its check is recorded, and it is published when it compiled.
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CompileResult, CourseBundle } from '../course/index.js';
import type { CourseCatalog } from './courses/course-catalog.js';
import type { ServerContext } from './server-context.js';
import { shownPath } from './shown-path.js';

const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The course folders to serve: `course` as given, or every folder holding course.yaml under
 * `courses` (then `root` is that folder, watched for new course folders).
 */
export async function findCourseFolders(options: { course?: string[]; courses?: string }, cwd: string): Promise<{ folders: string[]; root?: string }> {
  if (options.course && options.course.length > 0) {
    const folders = options.course.map((folder) => path.resolve(cwd, folder));
    for (const folder of folders) {
      if (!existsSync(path.join(folder, 'course.yaml'))) throw new Error(`${folder} is not a course folder (it has no course.yaml); pass the folder that holds course.yaml to --course`);
    }
    return { folders };
  }
  const root = path.resolve(cwd, options.courses ?? path.join(repositoryRoot, 'courses'));
  if (existsSync(path.join(root, 'course.yaml'))) return { folders: [root] };
  if (!existsSync(root)) throw new Error(`the courses folder ${root} does not exist; pass --courses <dir> (a folder of course folders) or --course <dir>`);
  return { folders: await listCourseFolders(root), root };
}

/** The folders directly under `root` that hold course.yaml, by name. */
export async function listCourseFolders(root: string): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true });
  const folders: string[] = [];
  for (const entry of entries.filter((entry) => entry.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    if (existsSync(path.join(root, entry.name, 'course.yaml'))) folders.push(path.join(root, entry.name));
  }
  return folders;
}

interface PublisherOptions {
  folder: string;
  catalog: CourseCatalog;
  context: ServerContext;
  guest: boolean;
  cwd: string;
  log: (line: string) => void;
}

/** What to do with each build of a course folder: record its check, and publish it when it compiled. Builds publish in order, and never throw. */
export function courseFolderPublisher({ folder, catalog, context, guest, cwd, log }: PublisherOptions) {
  const shown = shownPath(cwd, folder);
  const guestCourses = context.guestCourses as Set<string>;
  let courseId = path.basename(folder); // until a build says otherwise
  let queue = Promise.resolve();
  const publish = async (result: CompileResult) => {
    if (result.bundle) courseId = result.bundle.public.course.id;
    context.courseChecks.set(courseId, { folder, diagnostics: result.diagnostics });
    if (!result.bundle) {
      const errors = result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
      const current = await catalog.bundle(courseId);
      if (current && guest) guestCourses.add(courseId);
      log(`${shown} has ${errors} error${errors === 1 ? '' : 's'} (primer course check ${shown} lists them); ${current ? 'still serving its last good version' : 'not serving it until they are fixed'}.`);
      return;
    }
    const { version, isNew } = await publishOnce(catalog, result.bundle);
    if (guest) guestCourses.add(courseId);
    log(`${isNew ? 'Published' : 'Serving'} course ${courseId} version ${version.slice(0, 12)} from ${shown}.`);
  };
  return (result: CompileResult): Promise<void> => {
    queue = queue.then(() => publish(result)).catch((error: Error) => log(`Could not publish ${shown}: ${error.message}`));
    return queue;
  };
}

/** Publishes, trying once more when another server process published the same course at the same moment. */
async function publishOnce(catalog: CourseCatalog, bundle: CourseBundle) {
  try {
    return await catalog.publish(bundle, null);
  } catch {
    return catalog.publish(bundle, null);
  }
}

