// Part of `npm run bench -- tutor`: the tutor turn over a scripted 30-turn session of the sample course.
// - prompt tokens per turn against a naive prompt (policy + the whole lesson + the full history);
//   targets: ≥ 3× fewer, ≥ 70% of the prompt in the stable prefix;
// - turn overhead without the model (an instant mock model), p99, on an embedded PGlite store; target ≤ 10 ms.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { LanguageModelV3StreamPart } from '@ai-sdk/provider';
import { convertArrayToReadableStream, MockLanguageModelV3 } from 'ai/test';
import { createStoreJournal } from '../../src/server/index.js';
import { compileCourse, estimateTokens, type CourseBundle } from '../../src/course/index.js';
import { parseEventPayload, type EventType } from '../../src/learner/index.js';
import { createRouter, modelConfigSchema } from '../../src/models/index.js';
import { readCourseFolder } from '../../src/server/index.js';
import { openStore } from '../../src/store/index.js';
import { createMemoryJournal, createTutor, policyV1, type TurnAction } from '../../src/tutor/index.js';
import type { BenchReport } from '../report.js';

const courseDir = path.resolve(import.meta.dirname, '../../courses/backprop');

const replies = [
  'Good question. Think of the slope between two points on the curve [derivative-as-limit#from-secant-to-tangent-the-limit]. What happens to it as the points get closer?',
  'Nice start. What is the change in output when the input moves from 1 to 3?',
  'Exactly the right idea. Now divide that by the change in input: what do you get?',
  'Let us check your reasoning step by step. Which rule from the lesson applies here?',
];

/** A scripted learner: questions, commands and answers, 30 turns. */
const script: { text: string; action?: TurnAction }[] = [
  { text: 'Hi! I studied carpentry and want to understand neural networks.' },
  { text: 'What is a derivative, in simple words?' },
  { text: 'Why do we need a limit for it?' },
  { text: '/exercise slope-of-secant', action: { type: 'exercise', exercise: 'slope-of-secant' } },
  { text: 'I am not sure where to start.' },
  { text: '/hint', action: { type: 'hint' } },
  { text: '/answer 3', action: { type: 'answer', answer: '3' } },
  { text: 'Hmm, why is that wrong?' },
  { text: '/answer 4', action: { type: 'answer', answer: '4' } },
  { text: 'Can you explain the secant line again?' },
  { text: 'Is the tangent the same as the secant when h is zero?' },
  { text: '/exercise derivative-meaning', action: { type: 'exercise', exercise: 'derivative-meaning' } },
  { text: 'I think it is the slope of the tangent, right?' },
  { text: '/answer b', action: { type: 'answer', answer: 'b' } },
  { text: 'What comes next in the course?' },
  { text: 'How does this relate to learning in a network?' },
  { text: '/exercise limit-of-difference-quotient', action: { type: 'exercise', exercise: 'limit-of-difference-quotient' } },
  { text: 'Can I get a hint please?' },
  { text: '/hint', action: { type: 'hint' } },
  { text: '/answer 5', action: { type: 'answer', answer: '5' } },
  { text: 'I keep mixing up the order of subtraction.' },
  { text: '/answer 6', action: { type: 'answer', answer: '6' } },
  { text: 'Why does the h cancel out?' },
  { text: 'Is there a shortcut rule for powers?' },
  { text: '/lesson rules-of-differentiation', action: { type: 'lesson', lesson: 'rules-of-differentiation' } },
  { text: 'So the power rule brings the exponent down?' },
  { text: '/exercise power-rule-polynomial', action: { type: 'exercise', exercise: 'power-rule-polynomial' } },
  { text: 'Do I differentiate each term separately?' },
  { text: '/answer 6*x^2 + 2', action: { type: 'answer', answer: '6*x^2 + 2' } },
  { text: 'Thanks, what should I practise next?' },
];

function instantModel(): MockLanguageModelV3 {
  let call = 0;
  return new MockLanguageModelV3({
    doStream: async () => {
      const text = replies[call++ % replies.length]!;
      const parts: LanguageModelV3StreamPart[] = [
        { type: 'stream-start', warnings: [] },
        { type: 'text-start', id: 't' },
        ...text.match(/.{1,24}/gs)!.map((delta) => ({ type: 'text-delta' as const, id: 't', delta })),
        { type: 'text-end', id: 't' },
        { type: 'finish', finishReason: { unified: 'stop', raw: undefined }, usage: { inputTokens: { total: 0, noCache: 0, cacheRead: undefined, cacheWrite: undefined }, outputTokens: { total: 0, text: 0, reasoning: undefined } } },
      ];
      return { stream: convertArrayToReadableStream(parts) };
    },
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export default async function run(): Promise<BenchReport> {
  const compiled = compileCourse(await readCourseFolder(courseDir));
  if (!compiled.bundle) throw new Error('the sample course has errors: run primer course check courses/backprop');
  const bundle: CourseBundle = compiled.bundle;
  const config = modelConfigSchema.parse({ providers: { mock: { type: 'openai-compatible', baseURL: 'http://127.0.0.1:9/v1' } }, tiers: { local: { chain: [{ provider: 'mock', model: 'instant' }] } } });
  const model = instantModel();
  const router = createRouter({ config, createModel: () => model, sleep: async () => {} });
  const dataDir = await mkdtemp(path.join(tmpdir(), 'primer-bench-tutor-'));
  const store = await openStore({ kind: 'pglite', dataDir }, { parseEvent: (type, payload) => parseEventPayload(type as EventType, payload) });
  const table: Record<string, number | string>[] = [];
  const overheads: number[] = [];
  let ours = 0;
  let naive = 0;
  let prefix = 0;
  let modelTurns = 0;
  try {
    const tutor = createTutor({ course: bundle, router, journal: createStoreJournal(store, bundle), clock: { now: () => new Date() }, random: () => 0.5 });
    // Warm up PGlite and the caches with a throwaway learner, then measure a fresh one.
    for (const [index, line] of script.slice(0, 5).entries()) await tutor.turn({ turnId: `warm-${index}`, learner: 'warm-up', text: line.text, ...(line.action ? { action: line.action } : {}) });
    const history: string[] = [];
    for (const [index, line] of script.entries()) {
      const started = performance.now();
      const summary = await tutor.turn({ turnId: `turn-${index}`, learner: 'bench-learner', text: line.text, ...(line.action ? { action: line.action } : {}) });
      const elapsed = performance.now() - started;
      overheads.push(elapsed);
      const lesson = summary.activity?.lesson;
      const lessonText = bundle.public.chunks.filter((chunk) => chunk.lesson === lesson).map((chunk) => chunk.text).join('\n\n');
      const naiveTokens = estimateTokens([policyV1.text, lessonText, ...history, line.text].join('\n\n'));
      history.push(line.text, summary.text);
      if (summary.mode === 'model') {
        modelTurns++;
        ours += summary.tokens.prompt;
        naive += naiveTokens;
        prefix += summary.tokens.stablePrefix;
      }
      table.push({ turn: index + 1, input: line.text.slice(0, 32), mode: summary.mode, promptTokens: summary.tokens.prompt, stablePrefix: summary.tokens.stablePrefix, naiveTokens: summary.mode === 'model' ? naiveTokens : '', ms: Number(elapsed.toFixed(2)) });
    }
  } finally {
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  }
  // The same session on the in-memory journal: the tutor's own overhead, without the store.
  const memoryOverheads: number[] = [];
  const memoryTutor = createTutor({ course: bundle, router, journal: createMemoryJournal(bundle.public), clock: { now: () => new Date() }, random: () => 0.5 });
  for (const [index, line] of script.entries()) {
    const started = performance.now();
    await memoryTutor.turn({ turnId: `turn-${index}`, learner: 'memory-learner', text: line.text, ...(line.action ? { action: line.action } : {}) });
    memoryOverheads.push(performance.now() - started);
  }
  const memorySorted = [...memoryOverheads].sort((a, b) => a - b);
  const sorted = [...overheads].sort((a, b) => a - b);
  return {
    figures: {
      turns: script.length,
      modelTurns,
      promptTokensPerTurn: Math.round(ours / modelTurns),
      naiveTokensPerTurn: Math.round(naive / modelTurns),
      timesFewer: Number((naive / ours).toFixed(2)),
      stablePrefixShare: Number((prefix / ours).toFixed(3)),
      overheadP50Ms: Number(percentile(sorted, 50).toFixed(2)),
      overheadP99Ms: Number(percentile(sorted, 99).toFixed(2)),
      overheadWithoutStoreP50Ms: Number(percentile(memorySorted, 50).toFixed(2)),
      overheadWithoutStoreP99Ms: Number(percentile(memorySorted, 99).toFixed(2)),
      targets: '≥ 3× fewer tokens, ≥ 70% stable prefix, p99 overhead ≤ 10 ms',
    },
    table,
    notes: [
      'Tokens are estimated as characters / 4 for both prompts; the naive prompt is the policy, the whole current lesson and the full history.',
      'Overhead: whole turns with an instant mock model (no network), on an embedded PGlite store in a temporary folder; includes storing, folding, progression, context, guard and translation lookups.',
      'With 30 turns p99 is the slowest turn.',
    ],
  };
}
