// `primer chat`: take a course in the terminal with the tutor — streaming replies, exercises, hints
// and progress, with any configured model or in no-model mode. With --input it runs a scripted session.
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { Command } from 'commander';
import { formatDiagnostic } from '../../course/index.js';
import { createSandbox } from '../../exercise/index.js';
import { createTranslator, phrasesFor, type Phrases } from '../../i18n/index.js';
import { parseEventPayload, type EventType } from '../../learner/index.js';
import { createRouter, loadModelConfig } from '../../models/index.js';
import { openStore, resolveDatabaseConfig } from '../../store/index.js';
import { createTutor, learnerCommandList, parseLearnerCommand, type TurnSummary, type TutorStreamPart } from '../../tutor/index.js';
import { loadCourse, UsageError } from '../load-course.js';
import { createStoreJournal, createStoreModelCallRecorder, createStoreTranslationCache } from '../../server/index.js';

interface ChatOptions {
  course: string;
  input?: string;
  json?: boolean;
  config?: string;
  data?: string;
  learner: string;
}

export function chatCommand(): Command {
  return new Command('chat')
    .description(`Take a course in the terminal with the tutor. Type a message, or ${learnerCommandList}. ${multiLineHelp} Ctrl-D ends.`)
    .requiredOption('--course <dir>', 'the course folder (the one holding course.yaml)')
    .option('--input <file>', 'run without a person: each line is a learner message or a command')
    .option('--json', 'with --input: print a JSON transcript (per turn: text shown, tools, verdicts, tier, provider, tokens)')
    .option('--config <file>', 'primer.config.yaml with the model settings (default: PRIMER_CONFIG or ./primer.config.yaml; none: no-model mode)')
    .option('--data <dir>', 'PGlite data folder to keep the session in (default: a temporary folder, deleted at the end)')
    .option('--learner <id>', 'the learner id the session is stored under', 'terminal-learner')
    .action(async (options: ChatOptions) => runChat(options));
}

async function runChat(options: ChatOptions): Promise<void> {
  const { bundle, diagnostics } = await loadCourse(options.course, { checkExercises: false });
  if (!bundle) {
    for (const diagnostic of diagnostics.filter((d) => d.severity === 'error')) console.error(formatDiagnostic(diagnostic));
    throw new UsageError(`the course in ${options.course} has errors; fix them (primer course check) and try again`);
  }
  const lines = options.input ? (await readFile(options.input, 'utf8').catch(() => { throw new UsageError(`input file not found: ${options.input}`); })).split(/\r?\n/) : undefined;
  const loaded = await loadModelConfig({ ...(options.config ? { configPath: options.config } : {}), env: process.env, cwd: process.cwd() });
  for (const problem of loaded.errors) console.error(`${problem.path}:${problem.line}:${problem.column}: ${problem.message} (${problem.hint})`);
  if (loaded.notice && !options.json) console.error(loaded.notice);
  const temporary = options.data ? undefined : await mkdtemp(path.join(tmpdir(), 'primer-chat-'));
  const store = await openStore(resolveDatabaseConfig({ data: options.data ?? temporary, environment: {} }), { parseEvent: (type, payload) => parseEventPayload(type as EventType, payload) });
  const router = createRouter({ config: loaded.config, apiKeys: loaded.apiKeys, recorder: createStoreModelCallRecorder(store) });
  const sandbox = createSandbox();
  try {
    const translator = createTranslator({ router, cache: createStoreTranslationCache(store), glossary: bundle.public.course.glossary, course: bundle.public.course.id });
    const journal = createStoreJournal(store, bundle);
    const tutor = createTutor({ course: bundle, router, journal, translator, sandbox, clock: { now: () => new Date() }, random: Math.random });
    // Labels in the learner's language: their profile's until a turn says otherwise (/lang, or a message in another language).
    const printer = createPrinter((await journal.read(options.learner)).state.profile.language ?? bundle.public.course.language);
    const run = async (line: string, onPart?: (part: TutorStreamPart) => void): Promise<TurnSummary | { error: string }> => {
      const parsed = parseLearnerCommand(line);
      if ('error' in parsed) return parsed;
      const summary = await tutor.turn({ turnId: randomUUID(), learner: options.learner, text: parsed.text, ...(parsed.action ? { action: parsed.action } : {}) }, onPart);
      printer.speak(summary.language);
      return summary;
    };
    if (lines) {
      const turns: unknown[] = [];
      const inputs = createInputReader();
      for (const line of lines.flatMap((each) => inputs.take(each) ?? [])) {
        const printing = options.json ? undefined : printer.turn();
        const outcome = await run(line, printing?.onPart);
        printing?.end();
        if (options.json) turns.push({ input: line, ...('error' in outcome ? { error: outcome.error } : transcriptEntry(outcome)) });
        else if ('error' in outcome) console.log(`! ${outcome.error}`);
        if (!options.json) process.stdout.write('\n');
      }
      if (options.json) console.log(JSON.stringify({ course: bundle.public.course.id, learner: options.learner, turns }, null, 2));
      return;
    }
    console.log(`${bundle.public.course.title} — type a message, or ${learnerCommandList}. ${multiLineHelp} Ctrl-D ends.`);
    console.log(`Lessons, for /lesson <id>: ${bundle.public.lessons.map((lesson) => `${lesson.id} (${lesson.title})`).join(', ')}.`);
    const reader = createInterface({ input: process.stdin, output: process.stdout, prompt: '> ' });
    const inputs = createInputReader();
    reader.prompt();
    for await (const line of reader) {
      const input = inputs.take(line);
      if (input) {
        const printing = printer.turn();
        const outcome = await run(input, printing.onPart);
        printing.end();
        if ('error' in outcome) console.log(`! ${outcome.error}`);
        process.stdout.write('\n');
      }
      reader.setPrompt(inputs.gathering() ? '… ' : '> ');
      reader.prompt();
    }
  } finally {
    await sandbox.close();
    await store.close();
    if (temporary) await rm(temporary, { recursive: true, force: true });
  }
}

function transcriptEntry(summary: TurnSummary) {
  return {
    text: summary.text,
    mode: summary.mode,
    language: summary.language,
    tools: summary.tools,
    verdicts: summary.verdicts,
    hints: summary.hints,
    shown: summary.parts.filter((part) => part.type === 'lesson' || part.type === 'exercise' || part.type === 'hint').map((part) => (part.type === 'lesson' ? { lesson: part.lesson, title: part.title, sections: part.sections.length } : part.type === 'exercise' ? { exercise: part.exercise, prompt: part.prompt } : { hint: part.rung, text: part.text })),
    tier: summary.tier ?? null,
    provider: summary.provider ?? null,
    model: summary.model ?? null,
    tokens: summary.tokens,
    citations: summary.citations,
    leaksBlocked: summary.leaksBlocked,
    notices: summary.notices,
    offline: summary.offline ?? null,
    activity: summary.activity ?? null,
  };
}

const multiLineHelp = 'For an answer of several lines (code), type /answer alone, then the lines, then a line with a single dot.';

/** Turns typed lines into inputs: a line is one, except that a lone /answer gathers the lines after it, up to one holding a single dot, into one answer. */
function createInputReader() {
  let answer: string[] | undefined;
  return {
    /** The input this line completes, if any. */
    take(line: string): string | undefined {
      if (answer && line.trim() === '.') {
        const text = answer.join('\n');
        answer = undefined;
        return `/answer ${text}`;
      }
      if (answer) answer.push(line);
      else if (line.trim() === '/answer') answer = [];
      else if (line.trim()) return line;
      return undefined;
    },
    gathering: () => answer !== undefined,
  };
}

/** Prints a session's turns as they stream, labelled in the learner's language: the offline notice once, and mastery only after a graded answer (as the web app does). */
function createPrinter(language: string) {
  let offlineSaid = false;
  let t = phrasesFor(language);
  return {
    speak(next: string) {
      t = phrasesFor(next);
    },
    /** One turn's printing: `onPart` as parts stream; `end` prints the exercises the turn opened, after the words that lead to them (as the web app shows them). */
    turn() {
      let graded = false;
      const exercises: TutorStreamPart[] = [];
      return {
        onPart(part: TutorStreamPart) {
          if (part.type === 'verdict') graded ||= part.verdict !== 'unparseable';
          if (part.type === 'progress' && !graded) return;
          if (part.type === 'notice' && part.code === 'offline') {
            if (offlineSaid) return;
            offlineSaid = true;
          }
          if (part.type === 'exercise') exercises.push(part);
          else printPart(part, t);
        },
        end() {
          for (const part of exercises) printPart(part, t);
        },
      };
    },
  };
}

function printPart(part: TutorStreamPart, t: Phrases): void {
  const out = (text: string) => process.stdout.write(text);
  switch (part.type) {
    case 'text-delta':
      return void out(part.text);
    case 'lesson':
      // Each section's text begins with its own heading, as in the lesson file.
      return void out(`\n${part.sections[0]?.text.startsWith('# ') ? '' : `# ${part.title}\n\n`}${part.sections.map((section) => section.text).join('\n\n')}\n\n`);
    case 'exercise':
      // How to answer it here: the tutor's own words say it for every screen ("answer it, ask for a hint").
      return void out(`\n[${t('shown.exercise')} ${part.exercise}] ${part.prompt}${part.choices ? `\n${part.choices.map((choice, index) => `  ${String.fromCharCode(97 + index)}) ${choice.text}`).join('\n')}` : ''}\n(${t('shown.exercise-commands')})\n`);
    case 'hint':
      return void out(`\n[${t('shown.hint', { rung: part.rung })}] ${part.text}\n`);
    case 'verdict': {
      out(`\n[${t(`verdict.${part.verdict}`)}]${part.feedback ? ` ${part.feedback}` : ''}${part.message ? ` (${part.message})` : ''}\n`);
      // a code answer: each test, and what the learner's code printed
      if (part.tests?.length) {
        out(`${t('shown.tests', { passed: part.tests.filter((test) => test.passed).length, total: part.tests.length })}\n`);
        for (const test of part.tests) out(`  ${test.passed ? '✓' : '✗'} ${test.name}${test.message ? ` — ${test.message}` : ''}\n`);
      }
      if (part.output) out(`${t('shown.output')}:\n${part.output.replace(/\n?$/, '\n')}`);
      return;
    }
    case 'progress':
      return void out(`\n[${part.skills.map((skill) => t('shown.mastery', { title: skill.title, percent: Math.round(skill.mastery * 100) })).join(', ')}]\n`);
    case 'notice':
      return void out(`\n(${part.message})\n`);
    case 'tool-result':
      return;
  }
}
