// A LanguageModelV3 for one routed call: it walks the chain with budget reservation, one retry
// with jittered back-off, circuit breakers, timeouts, continuation mid-reply, and records every attempt.
import type {
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3GenerateResult,
  LanguageModelV3Prompt,
  LanguageModelV3StreamPart,
  LanguageModelV3Usage,
} from '@ai-sdk/provider';
import type { ModelCallRecord } from '../accounting/model-call-record.js';
import { nanoToUsd, type BudgetReservation } from './budget-ledger.js';
import { classifyError, ModelTimeoutError, type Failure } from './classify-error.js';
import { costNanoUsd, estimatePromptTokens, estimateTextTokens, tokensFromUsage, type TokenCounts } from './estimate-cost.js';
import { createRelayState, relayAttempt, type AttemptResult } from './relay-attempt.js';
import { NoModelAvailableError, type ChainEntry, type RouteEnvironment, type RouteRequest } from './route-state.js';

/** Added after the text already sent when another entry must finish a broken reply. */
export const continuationInstruction =
  'Your previous reply was cut off after the text above. Continue it exactly where it stopped, without repeating anything and without any preamble.';

export function createRoutedModel(request: RouteRequest, env: RouteEnvironment): LanguageModelV3 {
  const first = request.entries[0];
  return {
    specificationVersion: 'v3',
    provider: 'primer-router',
    modelId: first ? `${first.provider}/${first.model}` : 'none',
    supportedUrls: {},
    doStream: (options) => Promise.resolve({ stream: routeStream(request, env, options) }),
    doGenerate: (options) => routeGenerate(request, env, options),
  };
}

type Attempt = { entry: ChainEntry; reservation: BudgetReservation; started: number; isRetry: boolean };

/** Yields the attempts to make, in order, reserving budget for each; stops when told the call succeeded. */
async function* plan(request: RouteRequest, env: RouteEnvironment, prompt: () => LanguageModelV3Prompt, maxOutput: (entry: ChainEntry) => number) {
  const { info } = request;
  for (const [index, entry] of request.entries.entries()) {
    const label = `${entry.provider}/${entry.model}`;
    if (index > 0 && entry.tier !== request.entries[index - 1]!.tier) info.reasons.push(`fallback to lower tier ${entry.tier}`);
    for (let attempt = 0; attempt < 2; attempt++) {
      if (!entry.breaker.allow()) {
        info.reasons.push(`${label} skipped: circuit open`);
        break;
      }
      const estimate = costNanoUsd(entry.price, { inputTokens: estimatePromptTokens(prompt()), outputTokens: maxOutput(entry), cachedTokens: 0 });
      const reserved = await env.budgetStore.reserve(request.budgetLines, estimate);
      if (!reserved.ok) {
        info.reasons.push(`${label} skipped: over ${reserved.line.label}`);
        break;
      }
      const failure: Failure | null = yield { entry, reservation: reserved.reservation, started: env.now(), isRetry: attempt > 0 } satisfies Attempt;
      if (failure === null) return;
      if (failure === undefined || !failure.retryable || attempt === 1) break;
      const backoff = env.retry.baseDelayMs * (0.5 + env.random());
      const delay = failure.retryAfterMs !== undefined ? Math.max(failure.retryAfterMs, backoff) : backoff;
      if (delay > env.retry.maxDelayMs) {
        info.reasons.push(`${label} asks to wait ${Math.round(delay)} ms: next entry`);
        break;
      }
      info.reasons.push(`retry ${label} after ${Math.round(delay)} ms`);
      await env.sleep(delay);
    }
  }
}

/** A sentinel yielded back into `plan` to say a mid-reply break must move on to the next entry. */
const moveOn = { kind: 'other', retryable: false, message: 'move on' } as Failure;

function routeStream(request: RouteRequest, env: RouteEnvironment, callerOptions: LanguageModelV3CallOptions): ReadableStream<LanguageModelV3StreamPart> {
  // Cancelling the stream aborts the attempt in flight and stops the chain.
  const cancel = new AbortController();
  const abortSignal = callerOptions.abortSignal ? AbortSignal.any([callerOptions.abortSignal, cancel.signal]) : cancel.signal;
  const options: LanguageModelV3CallOptions = { ...callerOptions, abortSignal };
  const state = createRelayState();
  const { info } = request;
  const total: TokenCounts = { inputTokens: 0, outputTokens: 0, cachedTokens: 0 };
  const promptNow = () => (state.text ? continuationPrompt(options.prompt, state.text) : options.prompt);
  const maxOutput = (entry: ChainEntry) => options.maxOutputTokens ?? entry.maxOutputTokens;

  return new ReadableStream<LanguageModelV3StreamPart>({
    async start(out) {
      const attempts = plan(request, env, promptNow, maxOutput);
      let step = await attempts.next();
      while (!step.done) {
        const attempt = step.value;
        const deliveredBefore = state.delivered;
        const prompt = promptNow();
        const result = await relayAttempt(attempt.entry, { ...options, prompt, maxOutputTokens: maxOutput(attempt.entry) }, state, out, env.now);
        const tokens = result.usage ? tokensFromUsage(result.usage) : { inputTokens: estimatePromptTokens(prompt), outputTokens: estimateTextTokens(result.text), cachedTokens: 0 };
        total.inputTokens += tokens.inputTokens;
        total.outputTokens += tokens.outputTokens;
        total.cachedTokens += tokens.cachedTokens;
        const aborted = abortSignal.aborted;
        const failure = result.ok ? null : classifyError(result.error, env.now());
        const outcome: ModelCallRecord['outcome'] = result.ok
          ? deliveredBefore ? 'continued' : 'ok'
          : aborted ? 'aborted' : result.error instanceof ModelTimeoutError ? 'timeout' : result.text ? 'cut' : 'failed';
        await finishAttempt(request, env, attempt, tokens, result, outcome, failure);

        if (result.ok) {
          info.servedBy = { tier: attempt.entry.tier, provider: attempt.entry.provider, model: attempt.entry.model };
          if (deliveredBefore) info.continued = true;
          closeText(state, out);
          out.enqueue({ type: 'finish', usage: toUsage(total), finishReason: result.finishReason });
          out.close();
          await attempts.return(undefined);
          return;
        }
        if (aborted) {
          await attempts.return(undefined);
          if (!cancel.signal.aborted) out.error(result.error);
          return;
        }
        if (state.toolCallDelivered) {
          // A complete tool call already reached the caller: end the step there rather than repeat it.
          info.reasons.push(`${attempt.entry.provider}/${attempt.entry.model} broke after a tool call: ended the step`);
          closeText(state, out);
          out.enqueue({ type: 'finish', usage: toUsage(total), finishReason: { unified: 'tool-calls', raw: undefined } });
          out.close();
          await attempts.return(undefined);
          return;
        }
        info.reasons.push(`${attempt.entry.provider}/${attempt.entry.model} ${outcome}: ${failure!.message}`);
        // Broke mid-reply: no retry on this entry; the next one continues from the text already sent.
        step = await attempts.next(result.text ? moveOn : failure!);
      }
      closeText(state, out);
      out.enqueue({ type: 'error', error: new NoModelAvailableError(info.reasons) });
      out.close();
    },
    cancel(reason) {
      cancel.abort(reason);
    },
  });
}

async function routeGenerate(request: RouteRequest, env: RouteEnvironment, options: LanguageModelV3CallOptions): Promise<LanguageModelV3GenerateResult> {
  const { info } = request;
  const maxOutput = (entry: ChainEntry) => options.maxOutputTokens ?? entry.maxOutputTokens;
  const attempts = plan(request, env, () => options.prompt, maxOutput);
  let step = await attempts.next();
  while (!step.done) {
    const attempt = step.value;
    const { entry } = attempt;
    let result: LanguageModelV3GenerateResult | null = null;
    let error: unknown = null;
    const controller = new AbortController();
    const signal = options.abortSignal ? AbortSignal.any([options.abortSignal, controller.signal]) : controller.signal;
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const limit = entry.timeouts.totalMs;
      result = await Promise.race([
        entry.languageModel.doGenerate({ ...options, abortSignal: signal, maxOutputTokens: maxOutput(entry) }),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => {
            const timeout = new ModelTimeoutError('total', limit);
            controller.abort(timeout);
            reject(timeout);
          }, limit);
        }),
      ]);
    } catch (caught) {
      error = caught;
    } finally {
      clearTimeout(timer);
    }
    const aborted = options.abortSignal?.aborted === true;
    const tokens = result ? tokensFromUsage(result.usage) : { inputTokens: estimatePromptTokens(options.prompt), outputTokens: 0, cachedTokens: 0 };
    const failure = result ? null : classifyError(error, env.now());
    const outcome: ModelCallRecord['outcome'] = result ? 'ok' : aborted ? 'aborted' : error instanceof ModelTimeoutError ? 'timeout' : 'failed';
    const attemptResult: AttemptResult = result
      ? { ok: true, usage: result.usage, finishReason: result.finishReason, firstTokenAt: null, text: '' }
      : { ok: false, error, firstTokenAt: null, text: '' };
    await finishAttempt(request, env, attempt, tokens, attemptResult, outcome, failure);
    if (result) {
      info.servedBy = { tier: entry.tier, provider: entry.provider, model: entry.model };
      await attempts.return(undefined);
      return result;
    }
    if (aborted) throw error;
    info.reasons.push(`${entry.provider}/${entry.model} ${outcome}: ${failure!.message}`);
    step = await attempts.next(failure!);
  }
  throw new NoModelAvailableError(info.reasons);
}

/** Settles the budget, feeds the breaker and records the attempt. */
async function finishAttempt(
  request: RouteRequest,
  env: RouteEnvironment,
  attempt: Attempt,
  tokens: TokenCounts,
  result: AttemptResult,
  outcome: ModelCallRecord['outcome'],
  failure: Failure | null,
): Promise<void> {
  const { entry } = attempt;
  const cost = costNanoUsd(entry.price, tokens);
  await env.budgetStore.settle(attempt.reservation, cost);
  if (outcome !== 'aborted') (result.ok ? entry.breaker.success() : entry.breaker.failure());
  const ended = env.now();
  const record: ModelCallRecord = {
    task: request.task,
    tier: entry.tier,
    provider: entry.provider,
    model: entry.model,
    inputTokens: tokens.inputTokens,
    outputTokens: tokens.outputTokens,
    cachedTokens: tokens.cachedTokens,
    costUsd: nanoToUsd(cost),
    timeToFirstTokenMs: result.firstTokenAt === null ? null : result.firstTokenAt - attempt.started,
    totalMs: ended - attempt.started,
    outcome,
    reason: request.info.reasons.join('; '),
    ...(failure ? { error: failure.message } : {}),
    ...(request.learner !== undefined ? { learner: request.learner } : {}),
    ...(request.course !== undefined ? { course: request.course } : {}),
    time: new Date(attempt.started).toISOString(),
  };
  request.info.calls.push(record);
  await env.recorder?.record(record).catch(() => {});
}

function continuationPrompt(prompt: LanguageModelV3Prompt, sent: string): LanguageModelV3Prompt {
  return [
    ...prompt,
    { role: 'assistant', content: [{ type: 'text', text: sent }] },
    { role: 'user', content: [{ type: 'text', text: continuationInstruction }] },
  ];
}

function closeText(state: ReturnType<typeof createRelayState>, out: ReadableStreamDefaultController<LanguageModelV3StreamPart>): void {
  if (state.openTextId === null) return;
  out.enqueue({ type: 'text-end', id: state.openTextId });
  state.openTextId = null;
}

function toUsage(tokens: TokenCounts): LanguageModelV3Usage {
  return {
    inputTokens: { total: tokens.inputTokens, noCache: tokens.inputTokens - tokens.cachedTokens, cacheRead: tokens.cachedTokens, cacheWrite: undefined },
    outputTokens: { total: tokens.outputTokens, text: undefined, reasoning: undefined },
  };
}
