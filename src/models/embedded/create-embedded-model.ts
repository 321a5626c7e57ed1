// The embedded model: a GGUF file run in-process by node-llama-cpp, behind the AI SDK's
// LanguageModelV3, so the rest of Primer cannot tell it from a cloud model.
import { availableParallelism } from 'node:os';
import type {
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3Content,
  LanguageModelV3FinishReason,
  LanguageModelV3FunctionTool,
  LanguageModelV3StreamPart,
  LanguageModelV3Usage,
} from '@ai-sdk/provider';
import type { ChatModelFunctions, Llama, LlamaChat, LlamaGrammar, LlamaModel } from 'node-llama-cpp';
import { toChatHistory } from './convert-prompt.js';

export interface EmbeddedModelOptions {
  modelId: string;
  modelPath: string | undefined;
  /** CPU threads; default: cores − 1 (at least 1). Oversubscribing cores makes generation far slower. */
  threads?: number | undefined;
  contextSize?: number | undefined;
  gpu?: boolean | undefined;
}

export interface EmbeddedModel extends LanguageModelV3 {
  /** Loads the file now instead of on the first call. */
  load(): Promise<void>;
  dispose(): Promise<void>;
}

interface Loaded {
  llama: Llama;
  model: LlamaModel;
  chat: LlamaChat;
  grammars: Map<string, Promise<LlamaGrammar>>;
}

/** Thrown on the first call when the model file is missing; says how to fix it. */
export class ModelFileMissingError extends Error {
  constructor(readonly modelPath: string | undefined) {
    super(`No local model file${modelPath ? ` at ${modelPath}` : ''}. Run \`primer model pull\` to download one.`);
    this.name = 'ModelFileMissingError';
  }
}

export function createEmbeddedModel(options: EmbeddedModelOptions): EmbeddedModel {
  let loading: Promise<Loaded> | null = null;
  // One sequence: calls take turns. The chat keeps the evaluated prefix, so a stable prompt prefix is reused.
  let queue: Promise<unknown> = Promise.resolve();
  let toolCallCount = 0;

  const load = () =>
    (loading ??= (async () => {
      const { existsSync } = await import('node:fs');
      if (!options.modelPath || !existsSync(options.modelPath)) throw new ModelFileMissingError(options.modelPath);
      const { getLlama, LlamaChat } = await import('node-llama-cpp');
      const llama = await getLlama({ gpu: options.gpu ? 'auto' : false, build: 'never', logLevel: 'error' as never });
      const model = await llama.loadModel({ modelPath: options.modelPath });
      const contextSize = Math.min(options.contextSize ?? 4096, model.trainContextSize);
      const threads = options.threads ?? Math.max(1, availableParallelism() - 1);
      const context = await model.createContext({ contextSize, threads, batchSize: Math.min(512, contextSize) });
      const chat = new LlamaChat({ contextSequence: context.getSequence() });
      return { llama, model, chat, grammars: new Map() };
    })().catch((error: unknown) => {
      loading = null;
      throw error;
    }));

  const grammarFor = (loaded: Loaded, schema: object) => {
    const key = JSON.stringify(schema);
    let grammar = loaded.grammars.get(key);
    if (!grammar) loaded.grammars.set(key, (grammar = loaded.llama.createGrammarForJsonSchema(schema as never)));
    return grammar;
  };

  /** Runs one generation, calling `onText` per chunk; resolves to the tool calls and usage. */
  async function generate(callOptions: LanguageModelV3CallOptions, onText: (text: string) => void) {
    const loaded = await load();
    const history = toChatHistory(callOptions.prompt);
    const tools = (callOptions.tools ?? []).filter((tool): tool is LanguageModelV3FunctionTool => tool.type === 'function');
    const choice = callOptions.toolChoice ?? { type: 'auto' };
    const forcedTools = choice.type === 'required' ? tools : choice.type === 'tool' ? tools.filter((tool) => tool.name === choice.toolName) : [];
    const meter = loaded.chat.sequence.tokenMeter;
    const before = { input: meter.usedInputTokens, output: meter.usedOutputTokens };
    const common = {
      signal: callOptions.abortSignal,
      maxTokens: callOptions.maxOutputTokens,
      temperature: callOptions.temperature ?? 0.7,
      ...(callOptions.topP !== undefined ? { topP: callOptions.topP } : {}),
      ...(callOptions.topK !== undefined ? { topK: callOptions.topK } : {}),
      ...(callOptions.seed !== undefined ? { seed: callOptions.seed } : {}),
      ...(callOptions.stopSequences?.length ? { customStopTriggers: callOptions.stopSequences } : {}),
      onTextChunk: onText,
    };
    const toolCalls: { toolCallId: string; toolName: string; input: string }[] = [];
    let stopReason: string;

    if (forcedTools.length > 0) {
      // A forced tool call: the grammar only admits {"name": <a tool>, "arguments": <its input>}.
      const schema = { oneOf: forcedTools.map((tool) => ({ type: 'object', properties: { name: { const: tool.name }, arguments: cleanSchema(tool.inputSchema) }, required: ['name', 'arguments'] })) };
      let json = '';
      const response = await loaded.chat.generateResponse(history, { ...common, onTextChunk: (text) => (json += text), grammar: await grammarFor(loaded, schema) });
      let parsed: { name: string; arguments: unknown };
      try {
        parsed = JSON.parse(response.response) as typeof parsed;
      } catch {
        throw new Error(`the local model's tool call did not complete within ${callOptions.maxOutputTokens ?? 'the'} output tokens: ${response.response.slice(0, 80)}`);
      }
      toolCalls.push({ toolCallId: `call_${++toolCallCount}`, toolName: parsed.name, input: JSON.stringify(parsed.arguments) });
      stopReason = 'functionCalls';
    } else if (callOptions.responseFormat?.type === 'json') {
      const schema = callOptions.responseFormat.schema;
      const grammar = schema ? await grammarFor(loaded, cleanSchema(schema)) : await loaded.llama.getGrammarFor('json');
      stopReason = (await loaded.chat.generateResponse(history, { ...common, grammar })).metadata.stopReason;
    } else if (tools.length > 0 && choice.type !== 'none') {
      const functions: ChatModelFunctions = Object.fromEntries(tools.map((tool) => [tool.name, { description: tool.description, params: cleanSchema(tool.inputSchema) as never }]));
      const response = await loaded.chat.generateResponse(history, { ...common, functions });
      for (const call of response.functionCalls ?? []) {
        toolCalls.push({ toolCallId: `call_${++toolCallCount}`, toolName: call.functionName, input: JSON.stringify(call.params ?? {}) });
      }
      stopReason = response.metadata.stopReason;
    } else {
      stopReason = (await loaded.chat.generateResponse(history, common)).metadata.stopReason;
    }
    const usage: LanguageModelV3Usage = {
      inputTokens: { total: meter.usedInputTokens - before.input, noCache: meter.usedInputTokens - before.input, cacheRead: undefined, cacheWrite: undefined },
      outputTokens: { total: meter.usedOutputTokens - before.output, text: undefined, reasoning: undefined },
    };
    const finishReason: LanguageModelV3FinishReason = {
      unified: toolCalls.length > 0 ? 'tool-calls' : stopReason === 'maxTokens' ? 'length' : 'stop',
      raw: stopReason,
    };
    return { toolCalls, usage, finishReason };
  }

  /** Serializes calls on the one sequence. */
  function take<T>(run: () => Promise<T>): Promise<T> {
    const result = queue.then(run, run);
    queue = result.catch(() => {});
    return result;
  }

  return {
    specificationVersion: 'v3',
    provider: 'embedded',
    modelId: options.modelId,
    supportedUrls: {},
    load: async () => void (await load()),
    async dispose() {
      const loaded = await loading?.catch(() => null);
      loading = null;
      await loaded?.llama.dispose();
    },
    async doGenerate(callOptions) {
      let text = '';
      const { toolCalls, usage, finishReason } = await take(() => generate(callOptions, (chunk) => (text += chunk)));
      const content: LanguageModelV3Content[] = [];
      if (text) content.push({ type: 'text', text });
      for (const call of toolCalls) content.push({ type: 'tool-call', ...call });
      return { content, finishReason, usage, warnings: [] };
    },
    async doStream(callOptions) {
      const stream = new ReadableStream<LanguageModelV3StreamPart>({
        async start(controller) {
          controller.enqueue({ type: 'stream-start', warnings: [] });
          let textOpen = false;
          try {
            const { toolCalls, usage, finishReason } = await take(() =>
              generate(callOptions, (chunk) => {
                if (!textOpen) controller.enqueue({ type: 'text-start', id: 'text-0' });
                textOpen = true;
                controller.enqueue({ type: 'text-delta', id: 'text-0', delta: chunk });
              }),
            );
            if (textOpen) controller.enqueue({ type: 'text-end', id: 'text-0' });
            for (const call of toolCalls) controller.enqueue({ type: 'tool-call', ...call });
            controller.enqueue({ type: 'finish', usage, finishReason });
          } catch (error) {
            controller.enqueue({ type: 'error', error });
          }
          controller.close();
        },
      });
      return { stream };
    },
  };
}

/** JSON Schema as the AI SDK writes it, less the keywords the grammar builder does not take. */
function cleanSchema(schema: unknown): object {
  if (Array.isArray(schema)) return schema.map(cleanSchema);
  if (!schema || typeof schema !== 'object') return schema as object;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$schema' || key === 'additionalProperties' && value === false) continue;
    out[key] = typeof value === 'object' ? cleanSchema(value) : value;
  }
  return out;
}
