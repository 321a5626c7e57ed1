import { Command } from 'commander';

export function courseCommand(): Command {
  return new Command('course').description('Check, build and preview a course folder.');
}
