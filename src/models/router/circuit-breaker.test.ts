import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modelConfigSchema } from '../model-config.js';
import { startOpenAITestServer, type OpenAITestServer } from '../testing/openai-test-server.js';
import { createCircuitBreaker } from './circuit-breaker.js';
import { createRouter } from './create-router.js';

const settings = { windowMs: 60_000, minCalls: 5, failureRatio: 0.5, coolDownMs: 5_000, maxCoolDownMs: 20_000 };

describe('circuit breaker', () => {
  it('stays closed below 5 calls or below 50% failures in the window', () => {
    let now = 0;
    const breaker = createCircuitBreaker(settings, () => now);
    for (let index = 0; index < 4; index++) breaker.failure();
    expect(breaker.state()).toBe('closed');
    const mostlyFine = createCircuitBreaker(settings, () => now);
    for (let index = 0; index < 6; index++) mostlyFine.success();
    for (let index = 0; index < 5; index++) mostlyFine.failure();
    expect(mostlyFine.state()).toBe('closed');
    // Failures older than the window are forgotten.
    now = 61_000;
    breaker.success();
    expect(breaker.state()).toBe('closed');
  });

  it('counts only the window under steady traffic: thousands of old successes neither hold it closed nor count twice', () => {
    let now = 0;
    const breaker = createCircuitBreaker(settings, () => now);
    // A busy minute: 5,000 successes, then a few failures mixed with the successes of the next minute.
    for (let index = 0; index < 5000; index++, now += 12) breaker.success();
    now += 60_000; // all of them have left the window
    for (let index = 0; index < 3; index++) breaker.success();
    for (let index = 0; index < 2; index++) breaker.failure();
    expect(breaker.state()).toBe('closed'); // 2 of 5 calls failed
    breaker.failure();
    expect(breaker.state()).toBe('open'); // 3 of 6
  });

  it('opens at 50% failures over 5 calls, lets one probe through after the cool-down, doubles it when the probe fails', () => {
    let now = 0;
    const breaker = createCircuitBreaker(settings, () => now);
    breaker.success();
    breaker.success();
    breaker.failure();
    breaker.failure();
    expect(breaker.state()).toBe('closed');
    breaker.failure();
    expect(breaker.state()).toBe('open');
    expect(breaker.allow()).toBe(false);
    now += 5_000;
    expect(breaker.allow()).toBe(true);
    expect(breaker.allow()).toBe(false);
    breaker.failure();
    now += 5_000;
    expect(breaker.allow()).toBe(false);
    now += 5_000;
    expect(breaker.allow()).toBe(true);
    breaker.failure();
    now += 20_000; // 5 s → 10 s → 20 s, the cap
    expect(breaker.allow()).toBe(true);
    breaker.success();
    expect(breaker.state()).toBe('closed');
    expect(breaker.allow()).toBe(true);
  });
});

describe('breaker in the router', () => {
  let server: OpenAITestServer;
  let primaryHealthy = false;
  beforeAll(async () => {
    server = await startOpenAITestServer({
      respond: (request) => (request.model === 'primary' && !primaryHealthy ? { fail: 'unavailable' } : { reply: `from ${request.model}` }),
    });
  });
  afterAll(() => server.close());

  it('takes a failing entry out, serves from the backup without calling it, and recovers after a probe', async () => {
    let now = Date.parse('2026-11-26T10:00:00Z');
    const config = modelConfigSchema.parse({
      providers: { main: { type: 'openai-compatible', baseURL: server.url } },
      tiers: { local: { chain: [{ provider: 'main', model: 'primary' }, { provider: 'main', model: 'backup' }] } },
    });
    const router = createRouter({ config, clock: { now: () => now }, sleep: async () => {} });
    const ask = async () => {
      const routed = await router.stream({ task: 'tutor', prompt: 'hello' });
      if (routed.noModel) throw new Error(routed.reason);
      return routed.result.text;
    };
    const primaryCalls = () => server.requests.filter((request) => request.model === 'primary').length;

    for (let index = 0; index < 3; index++) expect(await ask()).toBe('from backup');
    expect(router.breakerState('main', 'primary')).toBe('open');
    const callsWhenOpened = primaryCalls();
    for (let index = 0; index < 5; index++) expect(await ask()).toBe('from backup');
    expect(primaryCalls()).toBe(callsWhenOpened);

    primaryHealthy = true;
    now += 5_000;
    expect(await ask()).toBe('from primary');
    expect(router.breakerState('main', 'primary')).toBe('closed');
    expect(await ask()).toBe('from primary');
  });
});
