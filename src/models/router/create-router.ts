// The one way Primer calls a model: picks a tier from the task and signals, keeps to budgets,
// and streams or generates through a chain that retries, falls back and records every attempt.
import type { LanguageModelV3 } from '@ai-sdk/provider';
import { generateText, streamText, type GenerateTextResult, type OutputInterface as Output, type StreamTextResult, type ToolSet } from 'ai';
import type { ModelCallRecorder } from '../accounting/model-call-record.js';
import { createProviderModel } from '../create-provider-model.js';
import { defaultTaskTiers, tierNames, type ModelConfig, type TaskName, type TierName } from '../model-config.js';
import { budgetLinesFor, createMemoryBudgetStore, type BudgetStore } from './budget-ledger.js';
import { createCircuitBreaker, type BreakerState, type CircuitBreaker } from './circuit-breaker.js';
import { createRoutedModel } from './create-routed-model.js';
import { costNanoUsd, estimateTextTokens } from './estimate-cost.js';
import { pickTier, type EscalationSignals } from './pick-tier.js';
import type { ChainEntry, RouteEnvironment, RouteInfo } from './route-state.js';

export interface RouterOptions {
  /** From `loadModelConfig`; null means no model (every call answers `noModel`). */
  config: ModelConfig | null;
  /** API keys by provider name (`loadModelConfig` reads them). */
  apiKeys?: Record<string, string | undefined>;
  clock?: { now(): number };
  random?: () => number;
  /** Back-off waits; tests pass one that does not wait. */
  sleep?: (ms: number) => Promise<void>;
  recorder?: ModelCallRecorder;
  budgetStore?: BudgetStore;
  /** Replaces the model of an entry, e.g. with the AI SDK mock in tests. */
  createModel?: (provider: string, model: string) => LanguageModelV3 | undefined;
}

/** Who and what a call is for; the router decides the tier from these. */
export interface RouteFields {
  task: TaskName;
  signals?: EscalationSignals;
  learner?: string;
  course?: string;
}

type StreamParams<TOOLS extends ToolSet, OUTPUT extends Output> = Parameters<typeof streamText<TOOLS, OUTPUT>>[0];
type GenerateParams<TOOLS extends ToolSet, OUTPUT extends Output> = Parameters<typeof generateText<TOOLS, OUTPUT>>[0];
export type RouterStreamRequest<TOOLS extends ToolSet = ToolSet, OUTPUT extends Output = Output<string, string, never>> = RouteFields & Omit<StreamParams<TOOLS, OUTPUT>, 'model' | 'maxRetries'>;
export type RouterGenerateRequest<TOOLS extends ToolSet = ToolSet, OUTPUT extends Output = Output<string, string>> = RouteFields & Omit<GenerateParams<TOOLS, OUTPUT>, 'model' | 'maxRetries'>;

/** `noModel: true`: no model may or can serve this call; the caller answers in no-model mode. */
export type Routed<RESULT> = { noModel: true; reason: string; route: RouteInfo } | { noModel: false; result: RESULT; route: RouteInfo };

export interface ModelRouter {
  /**
   * Streams a reply through the routed chain; `result` is the AI SDK's `streamText` result.
   * `route` fills in as the call goes: tier, reasons, who served it, whether it was continued.
   * @example
   * const routed = await router.stream({ task: 'tutor', learner: 'l1', course: 'c1', signals: { failedAttempts: 2 }, system, messages, tools });
   * if (routed.noModel) return answerWithoutModel(routed.reason);
   * for await (const text of routed.result.textStream) send(text);
   */
  stream<TOOLS extends ToolSet = ToolSet, OUTPUT extends Output = Output<string, string, never>>(request: RouterStreamRequest<TOOLS, OUTPUT>): Promise<Routed<StreamTextResult<TOOLS, OUTPUT>>>;
  /** Like `stream`, with the AI SDK's `generateText`; a call no entry could serve resolves to `noModel`. */
  generate<TOOLS extends ToolSet = ToolSet, OUTPUT extends Output = Output<string, string>>(request: RouterGenerateRequest<TOOLS, OUTPUT>): Promise<Routed<GenerateTextResult<TOOLS, OUTPUT>>>;
  /**
   * The routed model itself, for AI SDK calls other than streamText/generateText (e.g. streamObject).
   * Pass the prompt text (or an estimate of it) so budgets can be checked; call it with `maxRetries: 0`.
   */
  model(request: RouteFields & { promptText: string; maxOutputTokens?: number }): Promise<Routed<LanguageModelV3>>;
  /** The circuit state of a provider + model (for health pages and tests). */
  breakerState(provider: string, model: string): BreakerState | undefined;
}

export function createRouter(options: RouterOptions): ModelRouter {
  const { config } = options;
  const now = options.clock ? () => options.clock!.now() : () => Date.now();
  const env: RouteEnvironment = {
    now,
    random: options.random ?? Math.random,
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    retry: config?.retry ?? { baseDelayMs: 250, maxDelayMs: 4000 },
    budgetStore: options.budgetStore ?? createMemoryBudgetStore(),
    ...(options.recorder ? { recorder: options.recorder } : {}),
  };
  const breakers = new Map<string, CircuitBreaker>();
  const chains = new Map<TierName, ChainEntry[]>();
  if (config) {
    for (const tier of tierNames) {
      const tierConfig = config.tiers[tier];
      if (!tierConfig || tierConfig.chain.length === 0) continue;
      chains.set(
        tier,
        tierConfig.chain.map((entry) => {
          const key = `${entry.provider}/${entry.model}`;
          let breaker = breakers.get(key);
          if (!breaker) breakers.set(key, (breaker = createCircuitBreaker(config.breaker, now)));
          const provider = config.providers[entry.provider];
          if (!provider) throw new Error(`models.tiers.${tier}: provider "${entry.provider}" is not defined under models.providers`);
          const languageModel = options.createModel?.(entry.provider, entry.model) ?? createProviderModel(entry.provider, provider, entry.model, options.apiKeys?.[entry.provider]);
          return { tier, provider: entry.provider, model: entry.model, price: entry.price, languageModel, breaker, timeouts: tierConfig.timeouts, maxOutputTokens: tierConfig.maxOutputTokens };
        }),
      );
    }
  }
  const configured = new Set(chains.keys());

  /** Chooses the tier and the chain, or says why there is no model. */
  async function decide(request: RouteFields & { maxOutputTokens?: number }, promptText: string) {
    const info: RouteInfo = { task: request.task, tier: 'local', continued: false, reasons: [], calls: [] };
    if (!config || configured.size === 0) return { info, noModel: 'no model configured' };
    const choice = pickTier(config.tasks[request.task] ?? defaultTaskTiers[request.task], request.signals ?? {}, config.escalation, configured, request.task);
    info.reasons.push(...choice.reasons);
    const lines = budgetLinesFor(config.budgets, request, now());
    const used = await Promise.all(lines.map((line) => env.budgetStore.used(line.key)));
    const inputTokens = estimateTextTokens(promptText);
    const estimate = (entry: ChainEntry) => costNanoUsd(entry.price, { inputTokens, outputTokens: request.maxOutputTokens ?? entry.maxOutputTokens, cachedTokens: 0 });
    const affordable = (entry: ChainEntry) => lines.every((line, index) => used[index]! + estimate(entry) <= line.limitNanoUsd);
    const overLine = (tier: TierName) => {
      const cheapest = Math.min(...chains.get(tier)!.map(estimate));
      return lines.find((line, index) => used[index]! + cheapest > line.limitNanoUsd)?.label ?? 'budget';
    };
    // Over budget: step down to a cheaper tier; at the bottom, no model.
    const candidates = [...tierNames].slice(0, tierNames.indexOf(choice.tier) + 1).reverse().filter((tier) => configured.has(tier));
    for (const tier of candidates) {
      if (!chains.get(tier)!.some(affordable)) {
        info.reasons.push(`${tier} over ${overLine(tier)}`);
        continue;
      }
      info.tier = tier;
      const lower = config.fallbackToLowerTiers ? candidates.slice(candidates.indexOf(tier) + 1) : [];
      const entries = [tier, ...lower].flatMap((name) => chains.get(name)!);
      return { info, entries, lines };
    }
    return { info, noModel: `over budget: ${candidates.map((tier) => `${tier} over ${overLine(tier)}`).join('; ')}` };
  }

  function routedModel(request: RouteFields, decision: { info: RouteInfo; entries: ChainEntry[]; lines: ReturnType<typeof budgetLinesFor> }) {
    return createRoutedModel(
      { task: request.task, ...(request.learner !== undefined ? { learner: request.learner } : {}), ...(request.course !== undefined ? { course: request.course } : {}), entries: decision.entries, budgetLines: decision.lines, info: decision.info },
      env,
    );
  }

  return {
    async stream(request) {
      const { task, signals, learner, course, ...call } = request;
      const fields = { task, signals, learner, course };
      const decision = await decide({ ...fields, maxOutputTokens: call.maxOutputTokens }, promptTextOf(call));
      if ('noModel' in decision) return { noModel: true, reason: decision.noModel!, route: decision.info };
      const model = routedModel(fields, decision);
      // The AI SDK logs stream errors by default; here they are reported through `route` instead.
      const result = streamText({ onError: () => {}, ...(call as StreamParams<ToolSet, Output>), model, maxRetries: 0 });
      return { noModel: false, result: result as never, route: decision.info };
    },
    async generate(request) {
      const { task, signals, learner, course, ...call } = request;
      const fields = { task, signals, learner, course };
      const decision = await decide({ ...fields, maxOutputTokens: call.maxOutputTokens }, promptTextOf(call));
      if ('noModel' in decision) return { noModel: true, reason: decision.noModel!, route: decision.info };
      const model = routedModel(fields, decision);
      try {
        const result = await generateText({ ...(call as GenerateParams<ToolSet, Output>), model, maxRetries: 0 });
        return { noModel: false, result: result as never, route: decision.info };
      } catch (error) {
        if (error instanceof Error && error.name === 'NoModelAvailableError') return { noModel: true, reason: error.message, route: decision.info };
        throw error;
      }
    },
    async model(request) {
      const { promptText, ...fields } = request;
      const decision = await decide(fields, promptText);
      if ('noModel' in decision) return { noModel: true, reason: decision.noModel!, route: decision.info };
      return { noModel: false, result: routedModel(fields, decision), route: decision.info };
    },
    breakerState(provider, model) {
      return breakers.get(`${provider}/${model}`)?.state();
    },
  };
}

function promptTextOf(call: { system?: unknown; prompt?: unknown; messages?: unknown }): string {
  return JSON.stringify([call.system ?? '', call.prompt ?? '', call.messages ?? []]);
}
