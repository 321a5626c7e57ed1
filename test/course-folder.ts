// Writes a course given as a files map into a folder, for tests that read courses from disk.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

export async function writeCourseFolder(dir: string, files: Record<string, string>): Promise<void> {
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
}
