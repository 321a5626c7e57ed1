// Loads the model settings: primer.config.yaml's `models:` section, or the quick-path environment
// variables, or the embedded model when its file is present, or nothing (no-model mode).
// The only place in models/ that reads environment variables, and it reads them from `env`.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { defaultModelFileName } from './embedded/model-catalog.js';
import { modelConfigSchema, tierNames, type ModelConfig, type ModelConfigInput } from './model-config.js';

/** A mistake in the config file, shown to the operator with where and what to do. */
export interface ConfigProblem {
  path: string;
  line: number;
  column: number;
  message: string;
  hint: string;
}

export interface LoadedModelConfig {
  /** null: no model at all; callers use no-model mode. */
  config: ModelConfig | null;
  /** API keys by provider name, read from the environment variables the config names. */
  apiKeys: Record<string, string | undefined>;
  source: 'file' | 'environment' | 'embedded-default' | 'none';
  /** Where downloaded GGUF models live. */
  modelsDir: string;
  /** One line for the operator, e.g. how to enable a model. */
  notice?: string;
  errors: ConfigProblem[];
}

export interface LoadModelConfigOptions {
  /** From `--config`; otherwise PRIMER_CONFIG, otherwise ./primer.config.yaml if present. */
  configPath?: string;
  env: Record<string, string | undefined>;
  cwd: string;
}

export const noModelNotice = 'No model configured, so Primer runs in no-model mode. Run `primer model pull` to download a local model, or see docs/configuration.md.';

/** Where `primer model pull` puts models: PRIMER_MODELS_DIR, else <PRIMER_DATA or ./primer-data>/models. */
export function resolveModelsDir(env: Record<string, string | undefined>, cwd: string): string {
  if (env.PRIMER_MODELS_DIR) return path.resolve(cwd, env.PRIMER_MODELS_DIR);
  return path.resolve(cwd, env.PRIMER_DATA ?? 'primer-data', 'models');
}

/** The JSONL log of model calls the file recorder writes and `primer usage` reads: <PRIMER_DATA or ./primer-data>/model-calls.jsonl. */
export function resolveModelCallLog(env: Record<string, string | undefined>, cwd: string): string {
  return path.resolve(cwd, env.PRIMER_DATA ?? 'primer-data', 'model-calls.jsonl');
}

export async function loadModelConfig(options: LoadModelConfigOptions): Promise<LoadedModelConfig> {
  const { env, cwd } = options;
  const modelsDir = resolveModelsDir(env, cwd);
  const empty = { apiKeys: {}, modelsDir, errors: [] };

  if (env.PRIMER_MODEL_BASE_URL || env.PRIMER_MODEL) {
    return quickPath(env, modelsDir);
  }

  const explicit = options.configPath ?? env.PRIMER_CONFIG;
  const configPath = path.resolve(cwd, explicit ?? 'primer.config.yaml');
  const text = await readFile(configPath, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' && !explicit) return null;
    throw new Error(`Cannot read the config file ${configPath}: ${error.message}. Check --config or PRIMER_CONFIG.`);
  });
  if (text !== null) {
    const parsed = parseModelConfigText(text, path.relative(cwd, configPath) || configPath);
    if (parsed.errors.length > 0 || !parsed.config) return { ...empty, config: null, source: 'file', errors: parsed.errors };
    if (parsed.config.tiers.local || parsed.config.tiers.standard || parsed.config.tiers.frontier) {
      for (const provider of Object.values(parsed.config.providers)) {
        if (provider.type === 'embedded') provider.modelPath = path.resolve(path.dirname(configPath), provider.modelPath ?? path.join(modelsDir, defaultModelFileName));
      }
      return { config: parsed.config, apiKeys: readApiKeys(parsed.config, env), source: 'file', modelsDir, errors: [] };
    }
  }

  const embeddedFile = path.join(modelsDir, defaultModelFileName);
  if (await exists(embeddedFile)) {
    return { ...empty, config: embeddedDefault(embeddedFile), source: 'embedded-default' };
  }
  return { ...empty, config: null, source: 'none', notice: noModelNotice };
}

/** Parses the text of primer.config.yaml; problems come back as data with line and column. */
export function parseModelConfigText(text: string, filePath: string): { config: ModelConfig | null; errors: ConfigProblem[] } {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  if (document.errors.length > 0) {
    return {
      config: null,
      errors: document.errors.map((error) => {
        const position = lineCounter.linePos(error.pos[0]);
        return { path: filePath, line: position.line, column: position.col, message: error.message, hint: 'Fix the YAML syntax at this place.' };
      }),
    };
  }
  const root = (document.toJS() ?? {}) as Record<string, unknown>;
  // Everything lives under `models:`; a setting beside it (often `providers:` without `models:` above it) would be ignored silently.
  const misplaced = Object.keys(root).filter((key) => key !== 'models');
  if (misplaced.length > 0) {
    return {
      config: null,
      errors: misplaced.map((key) => {
        const pair = isMap(document.contents) ? document.contents.items.find((item) => isScalar(item.key) && String(item.key.value) === key) : undefined;
        const position = lineCounter.linePos(isScalar(pair?.key) ? (pair.key.range?.[0] ?? 0) : 0);
        return { path: filePath, line: position.line, column: position.col, message: `unknown setting "${key}": the file holds only "models:"`, hint: `Put "${key}:" under "models:" (indented), as in primer.config.example.yaml.` };
      }),
    };
  }
  const result = modelConfigSchema.safeParse(root.models ?? {});
  if (result.success) return { config: result.data, errors: [] };
  return {
    config: null,
    errors: result.error.issues.map((issue) => {
      const keys = ['models', ...issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key))];
      let node: unknown = null;
      for (let depth = keys.length; depth > 0 && !node; depth--) node = document.getIn(keys.slice(0, depth), true);
      const offset = (node as { range?: [number, number] } | null)?.range?.[0] ?? 0;
      const position = lineCounter.linePos(offset);
      return {
        path: filePath,
        line: position.line,
        column: position.col,
        message: `${keys.join('.')}: ${issue.message}`,
        hint: 'See docs/configuration.md for the model settings and examples.',
      };
    }),
  };
}

function quickPath(env: Record<string, string | undefined>, modelsDir: string): LoadedModelConfig {
  const errors: ConfigProblem[] = [];
  const missing = !env.PRIMER_MODEL_BASE_URL ? 'PRIMER_MODEL_BASE_URL' : !env.PRIMER_MODEL ? 'PRIMER_MODEL' : null;
  if (missing) {
    errors.push({ path: missing, line: 0, column: 0, message: `${missing} is not set`, hint: 'The quick path needs both PRIMER_MODEL_BASE_URL and PRIMER_MODEL.' });
    return { config: null, apiKeys: {}, source: 'environment', modelsDir, errors };
  }
  const entry = { provider: 'quick', model: env.PRIMER_MODEL! };
  const input: ModelConfigInput = {
    providers: { quick: { type: 'openai-compatible', baseURL: env.PRIMER_MODEL_BASE_URL!, apiKeyEnv: 'PRIMER_MODEL_API_KEY' } },
    tiers: Object.fromEntries(tierNames.map((tier) => [tier, { chain: [entry] }])),
  };
  const result = modelConfigSchema.safeParse(input);
  if (!result.success) {
    return {
      config: null,
      apiKeys: {},
      source: 'environment',
      modelsDir,
      errors: [{ path: 'PRIMER_MODEL_BASE_URL', line: 0, column: 0, message: result.error.issues[0]?.message ?? 'invalid', hint: 'Give a URL such as http://127.0.0.1:11434/v1.' }],
    };
  }
  return { config: result.data, apiKeys: { quick: env.PRIMER_MODEL_API_KEY }, source: 'environment', modelsDir, errors };
}

function embeddedDefault(modelPath: string): ModelConfig {
  return modelConfigSchema.parse({
    providers: { embedded: { type: 'embedded', modelPath } },
    tiers: { local: { chain: [{ provider: 'embedded', model: path.basename(modelPath, '.gguf') }] } },
    tasks: { tutor: 'local', grade: 'local', translate: 'local', generate: 'local', summarize: 'local', judge: 'local' },
  });
}

function readApiKeys(config: ModelConfig, env: Record<string, string | undefined>): Record<string, string | undefined> {
  const keys: Record<string, string | undefined> = {};
  for (const [name, provider] of Object.entries(config.providers)) {
    if ('apiKeyEnv' in provider && provider.apiKeyEnv) keys[name] = env[provider.apiKeyEnv];
  }
  return keys;
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    (info) => info.isFile(),
    () => false,
  );
}
