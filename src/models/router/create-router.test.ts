import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { tool } from 'ai';
import { z } from 'zod';
import { createMemoryRecorder } from '../accounting/model-call-record.js';
import { modelConfigSchema, type ModelConfigInput } from '../model-config.js';
import { startOpenAITestServer, type OpenAITestServer } from '../testing/openai-test-server.js';
import { continuationInstruction } from './create-routed-model.js';
import { createRouter } from './create-router.js';

let server: OpenAITestServer;
beforeAll(async () => {
  server = await startOpenAITestServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

function configWith(overrides: Partial<ModelConfigInput> = {}) {
  return modelConfigSchema.parse({
    providers: { primary: { type: 'openai-compatible', baseURL: server.url }, backup: { type: 'openai-compatible', baseURL: server.url } },
    tiers: {
      local: { chain: [{ provider: 'primary', model: 'small' }], timeouts: { connectMs: 2000, firstTokenMs: 150, totalMs: 5000 } },
      standard: { chain: [{ provider: 'primary', model: 'mid-a' }, { provider: 'backup', model: 'mid-b' }], timeouts: { connectMs: 2000, firstTokenMs: 150, totalMs: 5000 } },
    },
    retry: { baseDelayMs: 0, maxDelayMs: 2000 },
    ...overrides,
  });
}

const noWait = async () => {};

describe('router over the OpenAI-compatible test server', () => {
  it('streams a reply from the default tier and records the call', async () => {
    const recorder = createMemoryRecorder();
    const router = createRouter({ config: configWith(), recorder, sleep: noWait });
    server.enqueue({ reply: 'The derivative of x squared is 2x.', usage: { promptTokens: 40, completionTokens: 12 } });
    const routed = await router.stream({ task: 'tutor', learner: 'l1', course: 'calculus', prompt: 'What is the derivative of x^2?' });
    if (routed.noModel) throw new Error(routed.reason);
    expect(await routed.result.text).toBe('The derivative of x squared is 2x.');
    expect(routed.route.servedBy).toEqual({ tier: 'local', provider: 'primary', model: 'small' });
    expect(recorder.records).toHaveLength(1);
    expect(recorder.records[0]).toMatchObject({ task: 'tutor', tier: 'local', inputTokens: 40, outputTokens: 12, outcome: 'ok', learner: 'l1', course: 'calculus' });
  });

  it('escalates on failed attempts, says why, and steps back down when the signal clears', async () => {
    const router = createRouter({ config: configWith(), sleep: noWait });
    server.enqueue({ reply: 'escalated' }, { reply: 'back down' });
    const hard = await router.stream({ task: 'tutor', signals: { failedAttempts: 3 }, prompt: 'help' });
    if (hard.noModel) throw new Error(hard.reason);
    await hard.result.text;
    expect(hard.route.tier).toBe('standard');
    expect(hard.route.reasons.join('; ')).toContain('failedAttempts=3 ≥ 2 → standard');
    expect(server.requests.at(-1)!.model).toBe('mid-a');
    const calm = await router.stream({ task: 'tutor', signals: { failedAttempts: 0 }, prompt: 'thanks' });
    if (calm.noModel) throw new Error(calm.reason);
    await calm.result.text;
    expect(calm.route.tier).toBe('local');
  });

  it('retries a 503 once, then falls back to the next entry after a 429 that asks to wait too long', async () => {
    const recorder = createMemoryRecorder();
    const router = createRouter({ config: configWith(), recorder, sleep: noWait });
    server.enqueue({ fail: 'unavailable' }, { reply: 'after one retry' }, { fail: 'rate-limit', retryAfterSeconds: 30 }, { reply: 'from the backup' });
    const first = await router.stream({ task: 'translate', prompt: 'Translate: good morning' });
    if (first.noModel) throw new Error(first.reason);
    expect(await first.result.text).toBe('after one retry');
    expect(first.route.servedBy?.model).toBe('mid-a');
    const routed = await router.stream({ task: 'translate', prompt: 'Translate: hello' });
    if (routed.noModel) throw new Error(routed.reason);
    expect(await routed.result.text).toBe('from the backup');
    expect(routed.route.servedBy?.model).toBe('mid-b');
    expect(recorder.records.map((record) => record.outcome)).toEqual(['failed', 'ok', 'failed', 'ok']);
    expect(routed.route.reasons.join('; ')).toMatch(/asks to wait 30000 ms/);
  });

  it('restarts transparently on the next entry when the stream breaks before any text', async () => {
    const router = createRouter({ config: configWith(), sleep: noWait });
    server.enqueue({ fail: 'reset' }, { fail: 'reset' }, { reply: 'clean reply' });
    const routed = await router.stream({ task: 'generate', prompt: 'Write one exercise.' });
    if (routed.noModel) throw new Error(routed.reason);
    expect(await routed.result.text).toBe('clean reply');
    expect(routed.route.continued).toBe(false);
  });

  it('continues a reply cut mid-way on the next entry from the text already sent', async () => {
    const router = createRouter({ config: configWith(), sleep: noWait });
    server.enqueue({ fail: 'cut', reply: 'Photosynthesis turns light into sugar.', afterChars: 15 }, { reply: 'turns light into sugar.' });
    const routed = await router.stream({ task: 'generate', prompt: 'Explain photosynthesis in one line.' });
    if (routed.noModel) throw new Error(routed.reason);
    const deltas: string[] = [];
    for await (const text of routed.result.textStream) deltas.push(text);
    expect(deltas.join('')).toBe('Photosynthesis turns light into sugar.');
    expect(routed.route.continued).toBe(true);
    expect(routed.route.servedBy?.model).toBe('mid-b');
    const continuation = server.requests.at(-1)!;
    expect(continuation.messages.at(-2)).toMatchObject({ role: 'assistant', content: 'Photosynthesis ' });
    expect(continuation.messages.at(-1)).toMatchObject({ role: 'user', content: continuationInstruction });
    expect(routed.route.calls.map((call) => call.outcome)).toEqual(['cut', 'continued']);
  });

  it('treats a malformed chunk as a failure and finishes the reply elsewhere', async () => {
    const router = createRouter({ config: configWith(), sleep: noWait });
    server.enqueue({ fail: 'malformed', reply: 'abcdefghijklmnop' }, { reply: 'ijklmnop' });
    const routed = await router.stream({ task: 'generate', prompt: 'letters' });
    if (routed.noModel) throw new Error(routed.reason);
    expect(await routed.result.text).toBe('abcdefghijklmnop');
    expect(routed.route.continued).toBe(true);
  });

  it('times out a slow first token and serves the call from the next entry', async () => {
    const router = createRouter({ config: configWith(), sleep: noWait });
    server.enqueue({ fail: 'slow-first-token', delayMs: 400, reply: 'late' }, { fail: 'slow-first-token', delayMs: 400, reply: 'late' }, { reply: 'on time' });
    const routed = await router.stream({ task: 'generate', prompt: 'quick' });
    if (routed.noModel) throw new Error(routed.reason);
    expect(await routed.result.text).toBe('on time');
    expect(routed.route.calls.map((call) => call.outcome)).toEqual(['timeout', 'timeout', 'ok']);
  });

  it('passes tools through and returns the tool call to the caller', async () => {
    const router = createRouter({ config: configWith(), sleep: noWait });
    server.enqueue({ toolCalls: [{ name: 'check_answer', arguments: { answer: '42' } }] });
    const routed = await router.stream({
      task: 'tutor',
      prompt: 'My answer is 42',
      tools: { check_answer: tool({ description: 'Check the learner answer', inputSchema: z.object({ answer: z.string() }) }) },
    });
    if (routed.noModel) throw new Error(routed.reason);
    const calls = await routed.result.toolCalls;
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ toolName: 'check_answer', input: { answer: '42' } });
    expect((server.requests.at(-1)!.tools as { function: { name: string } }[])[0]!.function.name).toBe('check_answer');
  });

  it('generates without streaming, with fallback', async () => {
    const router = createRouter({ config: configWith(), sleep: noWait });
    server.enqueue({ fail: 'server-error' }, { fail: 'server-error' }, { reply: 'generated' });
    const routed = await router.generate({ task: 'summarize', prompt: 'Summarize.' , signals: { hardSkill: true } });
    if (routed.noModel) throw new Error(routed.reason);
    expect(routed.result.text).toBe('generated');
    expect(routed.route.servedBy?.model).toBe('mid-b');
  });

  it('answers noModel with a reason when every entry fails, and when nothing is configured', async () => {
    const router = createRouter({ config: configWith({ fallbackToLowerTiers: false }), sleep: noWait });
    server.enqueue({ fail: 'unavailable' }, { fail: 'unavailable' });
    const routed = await router.generate({ task: 'tutor', prompt: 'hello' });
    expect(routed.noModel).toBe(true);
    const none = await createRouter({ config: null }).stream({ task: 'tutor', prompt: 'hello' });
    expect(none).toMatchObject({ noModel: true, reason: 'no model configured' });
  });

  it('continues an Anthropic reply cut mid-way on an OpenAI-compatible entry', async () => {
    const config = configWith({
      providers: { claude: { type: 'anthropic', baseURL: server.url }, open: { type: 'openai-compatible', baseURL: server.url } },
      tiers: { local: { chain: [{ provider: 'claude', model: 'claude-test' }, { provider: 'open', model: 'open-test' }] } },
    });
    const router = createRouter({ config, apiKeys: { claude: 'key' }, sleep: noWait });
    server.enqueue({ fail: 'cut', reply: 'A fraction names a part of a whole.', afterChars: 11 }, { reply: 'names a part of a whole.' });
    const routed = await router.stream({ task: 'tutor', prompt: 'What is a fraction?' });
    if (routed.noModel) throw new Error(routed.reason);
    expect(await routed.result.text).toBe('A fraction names a part of a whole.');
    expect(routed.route).toMatchObject({ continued: true, servedBy: { provider: 'open' } });
  });

  it('echo mode sends back the prompt the provider received', async () => {
    const router = createRouter({ config: configWith(), sleep: noWait });
    server.enqueue({ echo: true });
    const routed = await router.stream({ task: 'tutor', system: 'You are a tutor.', prompt: 'Hi there' });
    if (routed.noModel) throw new Error(routed.reason);
    expect(await routed.result.text).toBe('system: You are a tutor.\nuser: Hi there');
  });
});
