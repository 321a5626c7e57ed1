import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultModelFileName } from './embedded/model-catalog.js';
import { loadModelConfig, noModelNotice } from './load-model-config.js';

const folder = () => mkdtemp(path.join(tmpdir(), 'primer-config-'));

describe('loading the model settings', () => {
  it('with no file, no variables and no model file: no model, and one line saying how to fix it', async () => {
    const cwd = await folder();
    const loaded = await loadModelConfig({ env: {}, cwd });
    expect(loaded.config).toBeNull();
    expect(loaded.notice).toBe(noModelNotice);
    expect(loaded.notice).toContain('primer model pull');
  });

  it('uses the embedded model when the pulled file is present', async () => {
    const cwd = await folder();
    await mkdir(path.join(cwd, 'primer-data', 'models'), { recursive: true });
    await writeFile(path.join(cwd, 'primer-data', 'models', defaultModelFileName), 'gguf');
    const loaded = await loadModelConfig({ env: {}, cwd });
    expect(loaded.source).toBe('embedded-default');
    expect(loaded.config?.providers.embedded).toMatchObject({ type: 'embedded', modelPath: path.join(cwd, 'primer-data', 'models', defaultModelFileName) });
  });

  it('the quick path configures one OpenAI-compatible model for every tier', async () => {
    const loaded = await loadModelConfig({ env: { PRIMER_MODEL_BASE_URL: 'http://127.0.0.1:11434/v1', PRIMER_MODEL: 'qwen2.5:7b', PRIMER_MODEL_API_KEY: 'k' }, cwd: await folder() });
    expect(loaded.source).toBe('environment');
    expect(loaded.config?.tiers.frontier?.chain).toEqual([{ provider: 'quick', model: 'qwen2.5:7b', price: { inputPerMillion: 0, outputPerMillion: 0 } }]);
    expect(loaded.apiKeys.quick).toBe('k');
  });

  it('reads primer.config.yaml, API keys from the variables it names', async () => {
    const cwd = await folder();
    await writeFile(
      path.join(cwd, 'primer.config.yaml'),
      ['models:', '  providers:', '    openai: { type: openai, apiKeyEnv: MY_OPENAI_KEY }', '  tiers:', '    frontier:', '      chain:', '        - { provider: openai, model: gpt-4.1, price: { inputPerMillion: 2, outputPerMillion: 8 } }'].join('\n'),
    );
    const loaded = await loadModelConfig({ env: { MY_OPENAI_KEY: 'sk-test' }, cwd });
    expect(loaded.errors).toEqual([]);
    expect(loaded.apiKeys.openai).toBe('sk-test');
    expect(loaded.config?.tiers.frontier?.chain[0]?.price.outputPerMillion).toBe(8);
  });

  it('reports mistakes with file, line and column', async () => {
    const cwd = await folder();
    await writeFile(path.join(cwd, 'settings.yaml'), ['models:', '  providers:', '    local:', '      type: olama', '      baseURL: http://x'].join('\n'));
    const loaded = await loadModelConfig({ configPath: 'settings.yaml', env: {}, cwd });
    expect(loaded.config).toBeNull();
    expect(loaded.errors[0]).toMatchObject({ path: 'settings.yaml', line: 4 });
    expect(loaded.errors[0]!.message).toContain('models.providers.local.type');
  });

  it('refuses settings outside models: instead of ignoring them (and running without a model)', async () => {
    const cwd = await folder();
    await writeFile(path.join(cwd, 'settings.yaml'), ['# no models: above', 'providers:', '  local: { type: openai-compatible, baseURL: http://x/v1 }', 'tiers:', '  local: { chain: [{ provider: local, model: m }] }'].join('\n'));
    const loaded = await loadModelConfig({ configPath: 'settings.yaml', env: {}, cwd });
    expect(loaded.config).toBeNull();
    expect(loaded.errors.map((error) => [error.line, error.message])).toEqual([
      [2, 'unknown setting "providers": the file holds only "models:"'],
      [4, 'unknown setting "tiers": the file holds only "models:"'],
    ]);
    expect(loaded.errors[0]!.hint).toContain('under "models:"');
  });
});

describe('primer.config.example.yaml', () => {
  it('parses without problems and configures all three tiers', async () => {
    const { readFile } = await import('node:fs/promises');
    const { parseModelConfigText } = await import('./load-model-config.js');
    const file = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../primer.config.example.yaml');
    const parsed = parseModelConfigText(await readFile(file, 'utf8'), 'primer.config.example.yaml');
    expect(parsed.errors).toEqual([]);
    expect(parsed.config?.tiers.frontier?.chain.map((entry) => entry.provider)).toEqual(['anthropic', 'openai']);
    expect(parsed.config?.budgets.learnerPerDayUsd).toBe(0.05);
  });
});
