// Part of `npm run bench -- tutor`: the tutor turn over a scripted 30-turn session of the sample course
// (bench/tutor/tutor-session-script.ts), with the prompts captured as the model receives them.
// - prompt tokens per turn against a naive prompt (the same policy + the whole current lesson + the
//   open exercise + the full history + the message); target ≥ 3× fewer;
// - the stable prefix: the leading part of each prompt identical to the previous model call's prompt
//   (longest common prefix), which a provider's prompt cache can reuse; target ≥ 70% of the prompt;
// - turn overhead without the model (an instant mock model), p99, on an embedded PGlite store; target ≤ 10 ms.
//   Measured on a warm process (as a running server is) over `overheadLearners` more learners taking
//   the same session, so p99 rests on hundreds of turns; the first learner's turns (first use of
//   each code path in the process) are reported apart.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { compileCourse, estimateTokens, type CourseBundle } from '../../src/course/index.js';
import { parseEventPayload, type EventType } from '../../src/learner/index.js';
import { createRouter, modelConfigSchema } from '../../src/models/index.js';
import { createStoreJournal, readCourseFolder } from '../../src/server/index.js';
import { openStore } from '../../src/store/index.js';
import { createMemoryJournal, createTutor, policyV1 } from '../../src/tutor/index.js';
import type { BenchReport } from '../report.js';
import { commonPrefixLength, promptText, scriptedModel } from './scripted-model.js';
import { tutorSessionScript as script } from './tutor-session-script.js';

const courseDir = path.resolve(import.meta.dirname, '../../courses/backprop');

const overheadLearners = 10;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** The naive prompt: the same policy, the whole current lesson, the open exercise, every earlier message, and this one. */
function naivePrompt(bundle: CourseBundle, lessonId: string | undefined, exerciseId: string | undefined, history: string[], message: string): string {
  const lesson = bundle.public.lessons.find((candidate) => candidate.id === lessonId);
  const lessonText = bundle.public.chunks.filter((chunk) => chunk.lesson === lessonId).map((chunk) => `${chunk.heading}\n${chunk.text}`).join('\n\n');
  const exercise = bundle.public.exercises.find((candidate) => candidate.id === exerciseId);
  return [policyV1.text, lesson ? `Lesson: ${lesson.title}\n\n${lessonText}` : '', exercise ? `Open exercise: ${exercise.prompt}` : '', ...history, message].filter(Boolean).join('\n\n');
}

export default async function run(): Promise<BenchReport> {
  const compiled = compileCourse(await readCourseFolder(courseDir));
  if (!compiled.bundle) throw new Error('the sample course has errors: run primer course check courses/backprop');
  const bundle: CourseBundle = compiled.bundle;
  const config = modelConfigSchema.parse({ providers: { mock: { type: 'openai-compatible', baseURL: 'http://127.0.0.1:9/v1' } }, tiers: { local: { chain: [{ provider: 'mock', model: 'instant' }] } } });
  const scripted = scriptedModel();
  const router = createRouter({ config, createModel: () => scripted.model, sleep: async () => {} });
  const dataDir = await mkdtemp(path.join(tmpdir(), 'primer-bench-tutor-'));
  const store = await openStore({ kind: 'pglite', dataDir }, { parseEvent: (type, payload) => parseEventPayload(type as EventType, payload) });
  const table: Record<string, number | string>[] = [];
  const overheads: number[] = []; // the first learner's turns
  const steady: number[] = []; // the next learners' turns
  /** Runs the scripted session for one learner; returns each turn's time in ms. */
  const timeSession = async (tutor: ReturnType<typeof createTutor>, learner: string) => {
    const times: number[] = [];
    for (const [index, line] of script.entries()) {
      scripted.reply.next = line.reply ?? '';
      const started = performance.now();
      await tutor.turn({ turnId: `turn-${index}`, learner, text: line.text, ...(line.action ? { action: line.action } : {}) });
      times.push(performance.now() - started);
    }
    scripted.prompts.length = 0;
    return times;
  };
  const totals = { prompt: 0, naive: 0, reused: 0, modelTurns: 0, leaksBlocked: 0, replyWords: 0 };
  try {
    const tutor = createTutor({ course: bundle, router, journal: createStoreJournal(store, bundle), clock: { now: () => new Date() }, random: () => 0.5 });
    // Warm up PGlite and the caches with a throwaway learner, then measure a fresh one.
    for (const [index, line] of script.slice(0, 5).entries()) {
      scripted.reply.next = line.reply ?? '';
      await tutor.turn({ turnId: `warm-${index}`, learner: 'warm-up', text: line.text, ...(line.action ? { action: line.action } : {}) });
    }
    const history: string[] = [];
    let previousPrompt = '';
    for (const [index, line] of script.entries()) {
      scripted.reply.next = line.reply ?? '';
      const callsBefore = scripted.prompts.length;
      const started = performance.now();
      const summary = await tutor.turn({ turnId: `turn-${index}`, learner: 'bench-learner', text: line.text, ...(line.action ? { action: line.action } : {}) });
      const elapsed = performance.now() - started;
      overheads.push(elapsed);
      const row: Record<string, number | string> = { turn: index + 1, input: line.text.slice(0, 32), mode: summary.mode, promptTokens: '', reusedTokens: '', reusedShare: '', naiveTokens: '', timesFewer: '', leaksBlocked: summary.leaksBlocked, ms: Number(elapsed.toFixed(2)) };
      const sent = scripted.prompts[callsBefore];
      if (summary.mode === 'model' && sent) {
        const prompt = promptText(sent);
        const reused = estimateTokens(prompt.slice(0, commonPrefixLength(previousPrompt, prompt)));
        const tokens = estimateTokens(prompt);
        // The message as the model got it (for an answer: with the checker's verdict), for the naive prompt too.
        const lastUser = sent.findLast((message) => message.role === 'user');
        const message = lastUser && typeof lastUser.content !== 'string' ? lastUser.content.map((part) => ('text' in part ? part.text : '')).join('').split('\n\n<context>')[0]! : line.text;
        const naive = estimateTokens(naivePrompt(bundle, summary.activity?.lesson, summary.activity?.exercise, history, message));
        Object.assign(row, { promptTokens: tokens, reusedTokens: reused, reusedShare: Number((reused / tokens).toFixed(2)), naiveTokens: naive, timesFewer: Number((naive / tokens).toFixed(2)) });
        totals.prompt += tokens;
        totals.naive += naive;
        totals.reused += reused;
        totals.modelTurns++;
        totals.replyWords += summary.text.split(/\s+/).filter(Boolean).length;
        previousPrompt = prompt;
      }
      totals.leaksBlocked += summary.leaksBlocked;
      history.push(line.text, summary.text);
      table.push(row);
    }
    for (let learner = 0; learner < overheadLearners; learner++) steady.push(...(await timeSession(tutor, `learner-${learner}`)));
  } finally {
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  }
  // The same sessions on the in-memory journal: the tutor's own overhead, without the store.
  const memoryTutor = createTutor({ course: bundle, router, journal: createMemoryJournal(bundle.public), clock: { now: () => new Date() }, random: () => 0.5 });
  await timeSession(memoryTutor, 'memory-warm-up');
  const memoryOverheads: number[] = [];
  for (let learner = 0; learner < overheadLearners; learner++) memoryOverheads.push(...(await timeSession(memoryTutor, `memory-learner-${learner}`)));
  const memorySorted = [...memoryOverheads].sort((a, b) => a - b);
  const sorted = [...steady].sort((a, b) => a - b);
  const firstSorted = [...overheads].sort((a, b) => a - b);
  return {
    figures: {
      turns: script.length,
      modelTurns: totals.modelTurns,
      replyWordsPerTurn: Math.round(totals.replyWords / totals.modelTurns),
      promptTokensPerTurn: Math.round(totals.prompt / totals.modelTurns),
      naiveTokensPerTurn: Math.round(totals.naive / totals.modelTurns),
      promptTokensTotal: totals.prompt,
      naiveTokensTotal: totals.naive,
      timesFewer: Number((totals.naive / totals.prompt).toFixed(2)),
      reusedTokensPerTurn: Math.round(totals.reused / totals.modelTurns),
      stablePrefixShare: Number((totals.reused / totals.prompt).toFixed(3)),
      leaksBlocked: totals.leaksBlocked,
      overheadTurns: steady.length,
      overheadP50Ms: Number(percentile(sorted, 50).toFixed(2)),
      overheadP99Ms: Number(percentile(sorted, 99).toFixed(2)),
      overheadMaxMs: Number(sorted.at(-1)!.toFixed(2)),
      overheadMet: percentile(sorted, 99) <= 10,
      firstLearnerOverheadP50Ms: Number(percentile(firstSorted, 50).toFixed(2)),
      firstLearnerOverheadMaxMs: Number(firstSorted.at(-1)!.toFixed(2)),
      overheadWithoutStoreP50Ms: Number(percentile(memorySorted, 50).toFixed(2)),
      overheadWithoutStoreP99Ms: Number(percentile(memorySorted, 99).toFixed(2)),
      targets: '≥ 3× fewer tokens, ≥ 70% stable prefix, p99 overhead ≤ 10 ms',
    },
    table,
    notes: [
      'Tokens are estimated as characters / 4 for both prompts. Prompts are captured as the model receives them (system and messages; tool definitions, the same every turn, are left out).',
      'Naive prompt: the same policy, the whole current lesson, the open exercise, every earlier message of the session and the message.',
      'Stable prefix: the longest common prefix of a prompt with the previous model call\'s prompt, i.e. what a provider\'s prompt cache can reuse; the first model turn reuses nothing. timesFewer and stablePrefixShare are over the whole session (sums).',
      'Overhead: whole turns with an instant mock model (no network), on an embedded PGlite store in a temporary folder; includes storing, folding, progression, context, guard and translation lookups.',
      `Overhead p50/p99 are over ${overheadLearners} learners × ${script.length} turns on a warm process, after the first learner (whose turns, the first use of each code path, are the table's ms column and firstLearner…); the in-memory journal runs the same ${overheadLearners} sessions after one warm-up session.`,
    ],
  };
}
