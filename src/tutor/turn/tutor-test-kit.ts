// Shared by the tutor's tests and benchmark: a router over the OpenAI-compatible test server,
// a fixed clock and a seeded random source.
import { createRouter, modelConfigSchema, type ModelConfigInput, type ModelRouter } from '../../models/index.js';

export function testRouter(url: string, overrides: Partial<ModelConfigInput> = {}): ModelRouter {
  const config = modelConfigSchema.parse({
    providers: { test: { type: 'openai-compatible', baseURL: url } },
    tiers: { local: { chain: [{ provider: 'test', model: 'tutor-small' }], timeouts: { connectMs: 5000, firstTokenMs: 5000, totalMs: 20000 } } },
    retry: { baseDelayMs: 0, maxDelayMs: 0 },
    ...overrides,
  });
  return createRouter({ config, sleep: async () => {} });
}

export function fixedClock(start = Date.parse('2026-03-02T09:00:00Z')) {
  let now = start;
  return { now: () => new Date((now += 1000)) };
}

export function seededRandom(seed = 42): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
