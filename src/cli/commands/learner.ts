// `primer learner fit|predict`: BKT on plain CSV files (user_id,skill_name,correct), so the learner
// model can be fitted and evaluated on public data.
import { readFile, writeFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import { bktModelSchema, fitBktModel, parseResponseCsv, predictResponses, type ResponseTable, type SequenceMode } from '../../learner/index.js';
import { UsageError } from '../load-course.js';

async function readResponses(file: string): Promise<ResponseTable | undefined> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw new UsageError(`CSV file not found: ${file} (give a file with the columns user_id,skill_name,correct)`);
  });
  const { table, problems } = parseResponseCsv(text, file);
  for (const problem of problems) console.error(`${problem.path}:${problem.line}:${problem.column}: ${problem.message} (${problem.hint})`);
  if (problems.length >= 20) console.error('stopped after 20 problems; fix these and run again');
  return table;
}

const number = (name: string, low: number, high: number) => (value: string) => {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < low || parsed > high) throw new UsageError(`${name} must be a number from ${low} to ${high}, not "${value}"`);
  return parsed;
};

export function learnerCommand(): Command {
  const learner = new Command('learner').description('Fit and evaluate the learner model (Bayesian Knowledge Tracing) on CSV files of graded responses.');

  learner
    .command('fit')
    .description('Fit BKT parameters per skill by expectation-maximisation. The CSV needs the columns user_id,skill_name,correct (1 or 0), rows in time order per learner.')
    .requiredOption('--csv <file>', 'CSV of graded first attempts: user_id,skill_name,correct')
    .requiredOption('--out <file>', 'where to write the fitted parameters (JSON)')
    .option('--forgets', 'also fit P(forget), the chance of losing a skill between opportunities')
    .addOption(new Option('--sequences <mode>', "what one sequence is: 'learner' (all of a learner's rows on a skill) or 'run' (each unbroken run of rows on one skill starts again from the prior)").choices(['learner', 'run']).default('learner'))
    .option('--max-guess <p>', 'upper bound on P(guess)', number('--max-guess', 0, 1), 0.3)
    .option('--max-slip <p>', 'upper bound on P(slip)', number('--max-slip', 0, 1), 0.3)
    .option('--min-observations <n>', 'skills with fewer rows get the default parameters (fitted on all rows pooled)', number('--min-observations', 1, Number.MAX_SAFE_INTEGER), 30)
    .action(async (options: { csv: string; out: string; forgets?: boolean; sequences: SequenceMode; maxGuess: number; maxSlip: number; minObservations: number }) => {
      const table = await readResponses(options.csv);
      if (!table) {
        process.exitCode = 1;
        return;
      }
      const started = performance.now();
      const model = fitBktModel(table, { forgets: options.forgets ?? false, sequences: options.sequences, maxGuess: options.maxGuess, maxSlip: options.maxSlip, minObservations: options.minObservations });
      const seconds = (performance.now() - started) / 1000;
      await writeFile(options.out, `${JSON.stringify(model, null, 2)}\n`);
      const defaulted = Object.values(model.skills).filter((params) => params === model.default || JSON.stringify(params) === JSON.stringify(model.default)).length;
      console.log(`fitted ${Object.keys(model.skills).length} skills (${defaulted} with too little data use the default) from ${table.correct.length} rows of ${table.userNames.length} learners in ${seconds.toFixed(1)} s → ${options.out}`);
    });

  learner
    .command('predict')
    .description("Write the input rows plus p_correct: each row's probability of being correct given only that learner's earlier rows.")
    .requiredOption('--params <file>', 'parameters written by `primer learner fit`')
    .requiredOption('--csv <file>', 'CSV of graded responses: user_id,skill_name,correct')
    .requiredOption('--out <file>', 'where to write the predictions (CSV)')
    .action(async (options: { params: string; csv: string; out: string }) => {
      const text = await readFile(options.params, 'utf8').catch(() => {
        throw new UsageError(`parameters file not found: ${options.params} (write one with \`primer learner fit\`)`);
      });
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (error) {
        throw new UsageError(`${options.params} is not valid JSON (${(error as Error).message}); write it with \`primer learner fit\``);
      }
      const parsed = bktModelSchema.safeParse(json);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new UsageError(`${options.params}: ${issue.path.join('.') || '(top level)'}: ${issue.message}; write it with \`primer learner fit\``);
      }
      const table = await readResponses(options.csv);
      if (!table) {
        process.exitCode = 1;
        return;
      }
      const predictions = predictResponses(parsed.data, table);
      const lines = [`${table.header},p_correct`, ...table.rows.map((row, i) => `${row},${predictions[i]!.toFixed(6)}`)];
      await writeFile(options.out, `${lines.join('\n')}\n`);
      console.log(`predicted ${table.correct.length} rows → ${options.out}`);
    });

  return learner;
}
