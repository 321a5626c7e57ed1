// Token estimates before a call and costs after it, from an entry's price table.
import type { LanguageModelV3Prompt, LanguageModelV3Usage } from '@ai-sdk/provider';
import type { Price } from '../model-config.js';

/**
 * An upper bound on a prompt's tokens, so a budget reservation is never below what the call costs:
 * one token per UTF-8 byte (byte-level tokenizers never make a token smaller than a byte) plus a few
 * tokens of chat template per message. Real counts are usually 3 to 4 times lower; settling releases the rest.
 */
export function estimatePromptTokens(prompt: LanguageModelV3Prompt): number {
  let tokens = 0;
  for (const message of prompt) {
    tokens += 8;
    const parts = typeof message.content === 'string' ? [message.content] : message.content.map((part) => (part.type === 'text' ? part.text : JSON.stringify(part)));
    for (const text of parts) tokens += estimateTextTokens(text);
  }
  return tokens;
}

export function estimateTextTokens(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

export interface TokenCounts {
  inputTokens: number;
  outputTokens: number;
  cachedTokens: number;
}

/** Cost in nano-dollars (integer, rounded up). Prices are USD per million tokens. */
export function costNanoUsd(price: Price, tokens: TokenCounts): number {
  const cached = Math.min(tokens.cachedTokens, tokens.inputTokens);
  const cachedPrice = price.cachedInputPerMillion ?? price.inputPerMillion;
  // USD per million tokens = nano-dollars per 1000 tokens.
  const nano = ((tokens.inputTokens - cached) * price.inputPerMillion + cached * cachedPrice + tokens.outputTokens * price.outputPerMillion) * 1000;
  return Math.max(0, Math.ceil(nano - 1e-6));
}

export function tokensFromUsage(usage: LanguageModelV3Usage): TokenCounts {
  return {
    inputTokens: usage.inputTokens.total ?? 0,
    outputTokens: usage.outputTokens.total ?? 0,
    cachedTokens: usage.inputTokens.cacheRead ?? 0,
  };
}

export function isFree(price: Price): boolean {
  return price.inputPerMillion === 0 && price.outputPerMillion === 0 && (price.cachedInputPerMillion ?? 0) === 0;
}
