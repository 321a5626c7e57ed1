import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { startPreview } from '../../server/index.js';
import { loadCourse } from '../load-course.js';

const sampleCourse = fileURLToPath(new URL('../../../courses/backprop', import.meta.url));

/** `primer serve` (what `npm start` runs). For now it serves the course preview; the learner app replaces it. */
export function serveCommand(): Command {
  return new Command('serve')
    .description('Run Primer on this machine and print its URL. Serves the course (the sample course by default), rebuilding it when its files change.')
    .option('--course <dir>', 'the course folder to serve', process.env.PRIMER_COURSE ?? sampleCourse)
    .option('--host <host>', 'address to listen on', process.env.HOST ?? '127.0.0.1')
    .option('--port <port>', 'port to listen on (env PORT)', process.env.PORT ?? '3000')
    .action(async (options: { course: string; host: string; port: string }) => {
      const { diagnostics } = await loadCourse(options.course, { checkExercises: false });
      const errors = diagnostics.filter((d) => d.severity === 'error').length;
      if (errors > 0) console.log(`${path.relative(process.cwd(), options.course) || '.'} has ${errors} error(s); the page lists them (primer course check shows them too)`);
      const server = await startPreview({ courseDir: options.course, host: options.host, port: Number(options.port) });
      console.log(`Primer is running at ${server.url}`);
      await new Promise(() => {}); // serve until the process is stopped
    });
}
