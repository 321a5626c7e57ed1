// End to end on a tiny real GGUF model (260K parameters, writes children's stories), CPU only.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateText, jsonSchema, Output, streamText, tool } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createMemoryRecorder } from '../accounting/model-call-record.js';
import { modelConfigSchema } from '../model-config.js';
import { createRouter } from '../router/create-router.js';
import { createEmbeddedModel, ModelFileMissingError, type EmbeddedModel } from './create-embedded-model.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const modelPath = path.resolve(repoRoot, '../shared/data/models/stories260K.gguf');
const present = existsSync(modelPath);
if (!present) console.log(`skipping the embedded model tests: ${modelPath} is absent`);

describe.skipIf(!present)('embedded model (stories260K.gguf)', () => {
  let model: EmbeddedModel;
  beforeAll(async () => {
    model = createEmbeddedModel({ modelId: 'stories260K', modelPath, threads: 1, contextSize: 2048 });
    await model.load();
  });
  afterAll(() => model?.dispose());

  it('streams text through the AI SDK', async () => {
    const result = streamText({ model, prompt: 'Once upon a time', maxOutputTokens: 24, temperature: 0 });
    const chunks: string[] = [];
    for await (const text of result.textStream) chunks.push(text);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.join('').trim().length).toBeGreaterThan(10);
    const usage = await result.usage;
    expect(usage.outputTokens).toBeGreaterThan(0);
    expect(usage.outputTokens).toBeLessThanOrEqual(24);
  });

  it('keeps to a JSON schema when asked for structured output', async () => {
    const result = await generateText({
      model,
      prompt: 'Tell me about a cat.',
      maxOutputTokens: 60,
      temperature: 0,
      output: Output.object({ schema: z.object({ name: z.string().max(20), happy: z.boolean() }) }),
    });
    expect(typeof result.output.name).toBe('string');
    expect(typeof result.output.happy).toBe('boolean');
  });

  it('returns a tool call the caller can run, and reads tool results back in the history', async () => {
    const giveHint = tool({ description: 'Give the next hint', inputSchema: jsonSchema<{ rung: number }>({ type: 'object', properties: { rung: { type: 'integer' } }, required: ['rung'] }) });
    const result = await generateText({ model, prompt: 'I need a hint', tools: { give_hint: giveHint }, toolChoice: { type: 'tool', toolName: 'give_hint' }, maxOutputTokens: 120, temperature: 0 });
    expect(result.toolCalls).toHaveLength(1);
    expect(result.toolCalls[0]!.toolName).toBe('give_hint');
    expect(Number.isInteger((result.toolCalls[0]!.input as { rung: number }).rung)).toBe(true);

    const followUp = await generateText({
      model,
      maxOutputTokens: 12,
      temperature: 0,
      tools: { give_hint: giveHint },
      messages: [
        { role: 'user', content: 'I need a hint' },
        { role: 'assistant', content: [{ type: 'tool-call', toolCallId: 'call_1', toolName: 'give_hint', input: { rung: 1 } }] },
        { role: 'tool', content: [{ type: 'tool-result', toolCallId: 'call_1', toolName: 'give_hint', output: { type: 'text', value: 'Look at the cat.' } }] },
      ],
    });
    expect(followUp.finishReason === 'stop' || followUp.finishReason === 'length' || followUp.finishReason === 'tool-calls').toBe(true);
  });
});

describe.skipIf(!present)('embedded model behind the router', () => {
  it('serves the local tier and is recorded like any other provider', async () => {
    const config = modelConfigSchema.parse({
      providers: { embedded: { type: 'embedded', modelPath, threads: 1, contextSize: 1024 } },
      tiers: { local: { chain: [{ provider: 'embedded', model: 'stories260K' }] } },
    });
    const recorder = createMemoryRecorder();
    const routed = await createRouter({ config, recorder }).stream({ task: 'tutor', learner: 'l1', prompt: 'Once upon a time', maxOutputTokens: 16, temperature: 0 });
    if (routed.noModel) throw new Error(routed.reason);
    expect((await routed.result.text).length).toBeGreaterThan(5);
    expect(recorder.records[0]).toMatchObject({ provider: 'embedded', model: 'stories260K', tier: 'local', outcome: 'ok', costUsd: 0 });
    expect(recorder.records[0]!.outputTokens).toBeGreaterThan(0);
  });
});

describe('embedded model without its file', () => {
  it('fails with one line that says how to fix it', async () => {
    const model = createEmbeddedModel({ modelId: 'missing', modelPath: '/nonexistent/model.gguf' });
    await expect(generateText({ model, prompt: 'hi', maxRetries: 0 })).rejects.toThrow(ModelFileMissingError);
    await expect(generateText({ model, prompt: 'hi', maxRetries: 0 })).rejects.toThrow('primer model pull');
  });
});
