// Router overhead per call with an instant model (the AI SDK mock): tier choice, budget reservation
// and settlement, breaker, relay of the stream parts and the call record, measured at the model layer.
import type { LanguageModelV3StreamPart } from '@ai-sdk/provider';
import { streamText } from 'ai';
import { MockLanguageModelV3 } from 'ai/test';
import { createMemoryRecorder, createRouter, modelConfigSchema } from '../src/models/index.js';
import type { BenchReport } from './report.js';

const parts: LanguageModelV3StreamPart[] = [
  { type: 'stream-start', warnings: [] },
  { type: 'text-start', id: 't' },
  ...['Think ', 'about ', 'what ', 'the ', 'slope ', 'means.'].map((delta) => ({ type: 'text-delta' as const, id: 't', delta })),
  { type: 'text-end', id: 't' },
  {
    type: 'finish',
    finishReason: { unified: 'stop', raw: 'stop' },
    usage: { inputTokens: { total: 40, noCache: 40, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: 6, text: 6, reasoning: 0 } },
  },
];
const instantStream = () =>
  new ReadableStream<LanguageModelV3StreamPart>({
    start(controller) {
      for (const part of parts) controller.enqueue(part);
      controller.close();
    },
  });
const instant = new MockLanguageModelV3({ doStream: async () => ({ stream: instantStream() }) });

async function drain(stream: ReadableStream<LanguageModelV3StreamPart>): Promise<void> {
  const reader = stream.getReader();
  while (!(await reader.read()).done);
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
const summarize = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: +percentile(sorted, 0.5).toFixed(4), p99: +percentile(sorted, 0.99).toFixed(4), mean: +(times.reduce((a, b) => a + b, 0) / times.length).toFixed(4) };
};

export default async (): Promise<BenchReport> => {
  const config = modelConfigSchema.parse({
    providers: { fast: { type: 'openai-compatible', baseURL: 'http://127.0.0.1:9/v1' } },
    tiers: {
      local: { chain: [{ provider: 'fast', model: 'instant' }] },
      standard: { chain: [{ provider: 'fast', model: 'instant-paid', price: { inputPerMillion: 0.5, outputPerMillion: 1.5 } }] },
    },
    budgets: { learnerPerDayUsd: 1_000_000, coursePerMonthUsd: 1_000_000, deploymentPerMonthUsd: 1_000_000 },
  });
  const router = createRouter({ config, recorder: createMemoryRecorder(), createModel: () => instant });
  const prompt = [{ role: 'user' as const, content: [{ type: 'text' as const, text: 'What does the derivative tell me?' }] }];
  const iterations = 20_000;
  const warmup = 2_000;

  const raw: number[] = [];
  const routed: number[] = [];
  const endToEnd: number[] = [];
  const direct: number[] = [];
  for (let index = 0; index < warmup + iterations; index++) {
    const signals = index % 2 === 0 ? {} : { failedAttempts: 2 };
    let start = performance.now();
    await drain((await instant.doStream({ prompt })).stream);
    const rawTime = performance.now() - start;

    start = performance.now();
    const choice = await router.model({ task: 'tutor', signals, learner: `l${index % 100}`, course: 'calculus', promptText: 'What does the derivative tell me?' });
    if (choice.noModel) throw new Error(choice.reason);
    await drain((await choice.result.doStream({ prompt })).stream);
    const routedTime = performance.now() - start;
    if (index >= warmup) {
      raw.push(rawTime);
      routed.push(routedTime);
    }
  }
  for (let index = 0; index < 2_000; index++) {
    let start = performance.now();
    await streamText({ model: instant, prompt: 'What does the derivative tell me?' }).text;
    direct.push(performance.now() - start);
    start = performance.now();
    const call = await router.stream({ task: 'tutor', learner: 'l1', prompt: 'What does the derivative tell me?' });
    if (!call.noModel) await call.result.text;
    endToEnd.push(performance.now() - start);
  }

  const overhead = routed.map((time, index) => time - raw[index]!);
  const model = summarize(routed);
  const over = summarize(overhead);
  return {
    figures: {
      routerOverheadP50Ms: over.p50,
      routerOverheadP99Ms: over.p99,
      routedModelCallP50Ms: model.p50,
      routedModelCallP99Ms: model.p99,
      targetP99Ms: 0.5,
      meetsTarget: model.p99 < 0.5,
      iterations,
    },
    table: [
      { path: 'instant model alone (doStream + drain)', ...summarize(raw) },
      { path: 'router: decide + routed doStream + drain', ...model },
      { path: 'router overhead (routed − alone, paired)', ...over },
      { path: 'streamText(instant model), for scale', ...summarize(direct) },
      { path: 'router.stream + streamText, end to end', ...summarize(endToEnd) },
    ],
    notes: [
      'times in ms per call; the model answers instantly from memory (AI SDK MockLanguageModelV3)',
      'router work: escalation policy, budget lines (learner/course/deployment), reservation and settlement, breaker, part relay, call record',
      'meetsTarget compares the whole routed model call (an upper bound on router overhead) with 0.5 ms',
      `node ${process.version}, ${process.platform}/${process.arch}; a shared 2-core machine, so tails vary with load`,
    ],
  };
};
