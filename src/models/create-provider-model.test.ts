// The real provider clients, pointed at the local test server through their base URL.
import { APICallError } from '@ai-sdk/provider';
import { generateText, jsonSchema, streamText, tool } from 'ai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createProviderModel } from './create-provider-model.js';
import type { ProviderConfig } from './model-config.js';
import { startOpenAITestServer, type OpenAITestServer } from './testing/openai-test-server.js';

let server: OpenAITestServer;
beforeAll(async () => {
  server = await startOpenAITestServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const providers = (): [string, ProviderConfig][] => [
  ['openai-compatible', { type: 'openai-compatible', baseURL: server.url }],
  ['openai', { type: 'openai', apiKeyEnv: 'OPENAI_API_KEY', baseURL: server.url }],
  ['anthropic', { type: 'anthropic', apiKeyEnv: 'ANTHROPIC_API_KEY', baseURL: server.url }],
];
const checkAnswer = tool({ description: 'Check an answer', inputSchema: jsonSchema<{ answer: string }>({ type: 'object', properties: { answer: { type: 'string' } }, required: ['answer'] }) });

describe.each(['openai-compatible', 'openai', 'anthropic'])('%s client against the test server', (name) => {
  const model = () => {
    const [, provider] = providers().find(([key]) => key === name)!;
    return createProviderModel(name, provider, 'test-model', 'test-key');
  };

  it('streams a scripted reply with usage', async () => {
    server.enqueue({ reply: 'Two plus two is four.', usage: { promptTokens: 12, completionTokens: 6 } });
    const result = streamText({ model: model(), system: 'Be brief.', prompt: 'What is 2+2?', maxRetries: 0 });
    expect(await result.text).toBe('Two plus two is four.');
    expect((await result.usage).outputTokens).toBe(6);
    expect(server.requests[0]!.messages[0]).toMatchObject({ role: 'system' });
  });

  it('generates without streaming and returns tool calls', async () => {
    server.enqueue({ toolCalls: [{ name: 'check_answer', arguments: { answer: '4' } }] });
    const result = await generateText({ model: model(), prompt: 'My answer is 4', tools: { check_answer: checkAnswer }, maxRetries: 0 });
    expect(result.toolCalls[0]).toMatchObject({ toolName: 'check_answer', input: { answer: '4' } });
  });

  it('streams tool calls', async () => {
    server.enqueue({ toolCalls: [{ name: 'check_answer', arguments: { answer: 'x^2' } }] });
    const result = streamText({ model: model(), prompt: 'My answer is x^2', tools: { check_answer: checkAnswer }, maxRetries: 0 });
    expect((await result.toolCalls)[0]).toMatchObject({ toolName: 'check_answer', input: { answer: 'x^2' } });
  });

  it('reports a 429 with its Retry-After header', async () => {
    server.enqueue({ fail: 'rate-limit', retryAfterSeconds: 7 });
    const error = await generateText({ model: model(), prompt: 'hi', maxRetries: 0 }).catch((caught: unknown) => caught);
    expect(APICallError.isInstance(error)).toBe(true);
    expect((error as APICallError).statusCode).toBe(429);
    expect((error as APICallError).responseHeaders?.['retry-after']).toBe('7');
  });
});
