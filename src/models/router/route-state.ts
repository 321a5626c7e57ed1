// Shared types for one routed call: the chain it walks and what happened on the way.
import type { LanguageModelV3 } from '@ai-sdk/provider';
import type { ModelCallRecord, ModelCallRecorder } from '../accounting/model-call-record.js';
import type { Price, TaskName, TierName } from '../model-config.js';
import type { BudgetLine, BudgetStore } from './budget-ledger.js';
import type { CircuitBreaker } from './circuit-breaker.js';

export interface TierTimeouts {
  connectMs: number;
  firstTokenMs: number;
  totalMs: number;
}

/** One provider + model of a tier's chain, ready to call. */
export interface ChainEntry {
  tier: TierName;
  provider: string;
  model: string;
  price: Price;
  languageModel: LanguageModelV3;
  breaker: CircuitBreaker;
  timeouts: TierTimeouts;
  maxOutputTokens: number;
}

/** Capabilities and settings a routed call uses; all injected. */
export interface RouteEnvironment {
  now: () => number;
  random: () => number;
  sleep: (ms: number) => Promise<void>;
  retry: { baseDelayMs: number; maxDelayMs: number };
  budgetStore: BudgetStore;
  recorder?: ModelCallRecorder;
}

/** What the caller learns about routing; filled in as the call goes. */
export interface RouteInfo {
  task: TaskName;
  /** The tier the policy chose. */
  tier: TierName;
  /** The tier, provider and model that produced (the end of) the reply. */
  servedBy?: { tier: TierName; provider: string; model: string };
  /** True when the reply broke mid-way and another entry finished it. */
  continued: boolean;
  /** Escalation reasons, then fallback steps, in order. */
  reasons: string[];
  /** One record per attempt. */
  calls: ModelCallRecord[];
}

export interface RouteRequest {
  task: TaskName;
  learner?: string;
  course?: string;
  entries: ChainEntry[];
  budgetLines: BudgetLine[];
  info: RouteInfo;
}

/** Thrown (or sent as a stream error) when no entry could serve the call; the caller uses no-model mode. */
export class NoModelAvailableError extends Error {
  constructor(readonly reasons: string[]) {
    super(`No model could serve this call: ${reasons.join('; ')}`);
    this.name = 'NoModelAvailableError';
  }
}
