// The `primer` command. Each command group lives in its own file under `commands/`.
import { Command, CommanderError } from 'commander';
import { chatCommand } from './commands/chat.js';
import { courseCommand } from './commands/course.js';
import { dbCommand } from './commands/db.js';
import { guardCommand } from './commands/guard.js';
import { importCommand } from './commands/import.js';
import { initCommand } from './commands/init.js';
import { learnerCommand } from './commands/learner.js';
import { modelCommand } from './commands/model.js';
import { serveCommand } from './commands/serve.js';
import { usageCommand } from './commands/usage.js';
import { UsageError } from './load-course.js';

/** Builds the CLI program; `main` runs it. Exposed so tests can parse without a process. */
export function createProgram(): Command {
  const program = new Command('primer')
    .description('Primer: courses written as files, taught to every learner by an AI teaching assistant.')
    .version('0.1.0');
  program.addCommand(chatCommand());
  program.addCommand(courseCommand());
  program.addCommand(dbCommand());
  program.addCommand(guardCommand());
  program.addCommand(importCommand());
  program.addCommand(initCommand());
  program.addCommand(learnerCommand());
  program.addCommand(modelCommand());
  program.addCommand(serveCommand());
  program.addCommand(usageCommand());
  const configure = (command: Command) => {
    command.exitOverride().showHelpAfterError();
    command.commands.forEach(configure);
  };
  configure(program);
  return program;
}

/** Runs the CLI with `argv` (as in process.argv) and resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = createProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof UsageError) {
      console.error(`primer: ${error.message}`);
      return 2;
    }
    console.error(`primer: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
