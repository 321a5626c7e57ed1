// Reads a course folder from disk into the `CourseFiles` map the pure compiler takes.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CourseFiles } from '../course/index.js';

const textFile = /\.(md|ya?ml)$/i;

/** Lists every file under `dir` (skipping dot-files and node_modules) with the text of Markdown and YAML files. */
export async function readCourseFolder(dir: string): Promise<CourseFiles> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = new Map<string, string | undefined>();
  const paths = entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((relative) => !relative.split('/').some((part) => part.startsWith('.') || part === 'node_modules'))
    .sort();
  for (const relative of paths) {
    files.set(relative, textFile.test(relative) ? await readFile(path.join(dir, relative), 'utf8') : undefined);
  }
  return files;
}
