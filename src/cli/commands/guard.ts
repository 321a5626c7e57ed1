// `primer guard --jsonl`: the tutor's answer-leak detector on its own, one JSON line in, one out.
import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { Command } from 'commander';
import { guardJsonLine } from '../../tutor/index.js';
import { UsageError } from '../load-course.js';

export function guardCommand(): Command {
  return new Command('guard')
    .description(
      'Check model reply text for answer leaks, as the tutor does before a sentence reaches a learner. Reads JSON lines {"answer", "type", "text", "context"} and writes one line {"leak", "evidence"} per input line, in order; a malformed line gets {"error"} and the rest go on. Exits 0.',
    )
    .requiredOption('--jsonl', 'read and write JSON lines (the only format so far)')
    .option('--input <file>', 'read the lines from this file instead of standard input')
    .action(async (options: { jsonl: boolean; input?: string }) => {
      if (options.input) await access(options.input).catch(() => {
        throw new UsageError(`input file not found: ${options.input} (give a file of JSON lines, or leave out --input to read standard input)`);
      });
      const input = options.input ? createReadStream(options.input, 'utf8') : process.stdin;
      const lines = createInterface({ input, crlfDelay: Infinity });
      let lineNumber = 0;
      for await (const line of lines) {
        lineNumber++;
        if (line.trim() === '') {
          console.log(JSON.stringify({ error: `line ${lineNumber}: empty line; expected a JSON object` })); // keeps output lines aligned with input lines
          continue;
        }
        console.log(JSON.stringify(guardJsonLine(line, lineNumber)));
      }
    });
}
