import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { courseJsonSchemas, slugify } from '../../course/index.js';
import { UsageError } from '../load-course.js';

const templateDir = fileURLToPath(new URL('../../../templates/new-course', import.meta.url));

export function initCommand(): Command {
  return new Command('init')
    .description('Create a new course folder with one example of every exercise type, ready for `primer course check`, plus JSON Schemas and VS Code settings so the editor validates as you type.')
    .argument('<dir>', 'folder to create (must be empty or absent); its name becomes the course id')
    .option('--title <title>', 'the course title', 'My first Primer course')
    .action(async (dir: string, options: { title: string }) => {
      const existing = await readdir(dir).catch(() => []);
      if (existing.length > 0) throw new UsageError(`${dir} is not empty; choose a new folder so nothing is overwritten`);
      await cp(templateDir, dir, { recursive: true });
      const courseFile = path.join(dir, 'course.yaml');
      const id = slugify(path.basename(path.resolve(dir)));
      const course = (await readFile(courseFile, 'utf8')).replace(/^id: .*$/m, `id: ${id}`).replace(/^title: .*$/m, `title: ${JSON.stringify(options.title)}`);
      await writeFile(courseFile, course);
      await mkdir(path.join(dir, '.schemas'), { recursive: true });
      for (const [file, text] of Object.entries(courseJsonSchemas())) await writeFile(path.join(dir, '.schemas', file), text);
      await mkdir(path.join(dir, '.vscode'), { recursive: true });
      const settings = {
        'yaml.schemas': {
          './.schemas/course.schema.json': 'course.yaml',
          './.schemas/exercises.schema.json': 'exercises/*.yaml',
        },
      };
      await writeFile(path.join(dir, '.vscode', 'settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
      console.log(`created course "${id}" in ${dir}\nnext: primer course check ${dir}   then: primer course preview ${dir}`);
    });
}
