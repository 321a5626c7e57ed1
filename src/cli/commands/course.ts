import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Command } from 'commander';
import { courseJsonSchemas, formatDiagnostic, type Diagnostic } from '../../course/index.js';
import { startPreview } from '../../server/index.js';
import { loadCourse } from '../load-course.js';

export function courseCommand(): Command {
  const course = new Command('course').description('Check, build and preview a course folder.');

  course
    .command('check')
    .description('Report every problem in a course at once, as file:line:column with how to fix it: the files, every template over 1,000 seeds, keys and mistakes, and code solutions against their tests. Exits 1 on errors, 0 with only warnings.')
    .argument('<dir>', 'the course folder (the one holding course.yaml)')
    .option('--json', 'print the diagnostics as a JSON array instead of text')
    .option('--skip-code', "don't run code exercises' solutions against their hidden tests (faster; no Python start-up)")
    .action(async (dir: string, options: { json?: boolean; skipCode?: boolean }) => {
      const { diagnostics } = await loadCourse(dir, { runCode: !options.skipCode });
      printDiagnostics(diagnostics, options.json);
      if (diagnostics.some((d) => d.severity === 'error')) process.exitCode = 1;
    });

  course
    .command('build')
    .description('Compile a course into a content-addressed bundle: public.json (what learners may see) and keys.json (answers, for the checkers only).')
    .argument('<dir>', 'the course folder')
    .requiredOption('--out <dir>', 'folder to write public.json and keys.json to (created if missing)')
    .action(async (dir: string, options: { out: string }) => {
      const { bundle, diagnostics } = await loadCourse(dir);
      if (!bundle) {
        printDiagnostics(diagnostics, false);
        process.exitCode = 1;
        return;
      }
      printDiagnostics(diagnostics.filter((d) => d.severity === 'warning'), false, true);
      await mkdir(options.out, { recursive: true });
      await writeFile(path.join(options.out, 'public.json'), `${JSON.stringify(bundle.public, null, 2)}\n`);
      await writeFile(path.join(options.out, 'keys.json'), `${JSON.stringify(bundle.keys, null, 2)}\n`);
      const { lessons, exercises, chunks } = bundle.public;
      console.log(`built ${bundle.public.course.id} version ${bundle.public.hash.slice(0, 12)}: ${lessons.length} lessons, ${exercises.length} exercises, ${chunks.length} chunks → ${path.join(options.out, 'public.json')}, ${path.join(options.out, 'keys.json')}`);
    });

  course
    .command('preview')
    .description('Serve the rendered course (lessons, math, code, exercises as a learner sees them) on localhost; pages reload when a file changes.')
    .argument('<dir>', 'the course folder')
    .option('--port <port>', 'port to listen on (0 picks a free one)', '4000')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .action(async (dir: string, options: { port: string; host: string }) => {
      await loadCourse(dir, { checkExercises: false }); // fails early, in one line, when the folder is missing
      const server = await startPreview({
        courseDir: dir,
        host: options.host,
        port: Number(options.port),
        onRebuild: (result) => {
          const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
          console.log(`rebuilt: ${errors} error${errors === 1 ? '' : 's'}, ${result.diagnostics.length - errors} warnings`);
        },
      });
      console.log(`previewing ${dir} at ${server.url} (Ctrl-C to stop)`);
      await new Promise(() => {}); // serve until the process is stopped
    });

  course
    .command('schema')
    .description('Write the JSON Schema files for course.yaml, exercises/*.yaml, exercise blocks and lesson front matter, for editors.')
    .requiredOption('--out <dir>', 'folder to write the *.schema.json files to')
    .action(async (options: { out: string }) => {
      await mkdir(options.out, { recursive: true });
      for (const [file, text] of Object.entries(courseJsonSchemas())) await writeFile(path.join(options.out, file), text);
      console.log(`wrote ${Object.keys(courseJsonSchemas()).length} schemas to ${options.out}`);
    });

  return course;
}

function printDiagnostics(diagnostics: Diagnostic[], json = false, quietWhenEmpty = false): void {
  if (json) {
    console.log(JSON.stringify(diagnostics, null, 2));
    return;
  }
  for (const diagnostic of diagnostics) console.log(formatDiagnostic(diagnostic));
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (diagnostics.length > 0 || !quietWhenEmpty) console.log(`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
}
