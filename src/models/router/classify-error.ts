// What went wrong with a provider call, and whether trying the same entry again could help.
import { APICallError } from '@ai-sdk/provider';

export type FailureKind = 'rate-limit' | 'server' | 'connection' | 'timeout' | 'malformed' | 'client' | 'other';

export interface Failure {
  kind: FailureKind;
  retryable: boolean;
  /** From a Retry-After header, when the provider sent one. */
  retryAfterMs?: number;
  message: string;
}

/** Thrown by the router when a tier's connect, first-token or total timeout passes. */
export class ModelTimeoutError extends Error {
  constructor(readonly phase: 'connect' | 'first-token' | 'total', readonly limitMs: number) {
    super(`no ${phase === 'total' ? 'complete reply' : phase === 'connect' ? 'response' : 'first token'} within ${limitMs} ms`);
    this.name = 'ModelTimeoutError';
  }
}

export function classifyError(error: unknown, now = 0): Failure {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof ModelTimeoutError) return { kind: 'timeout', retryable: true, message };
  if (APICallError.isInstance(error)) {
    const status = error.statusCode;
    if (status === 429) return { kind: 'rate-limit', retryable: true, retryAfterMs: parseRetryAfter(error.responseHeaders, now), message: `429 ${message}` };
    if (status !== undefined && status >= 500) return { kind: 'server', retryable: true, message: `${status} ${message}` };
    if (status === 408 || status === 409) return { kind: 'server', retryable: true, message: `${status} ${message}` };
    if (status !== undefined) return { kind: 'client', retryable: false, message: `${status} ${message}` };
    return { kind: 'connection', retryable: true, message };
  }
  const name = error instanceof Error ? error.name : '';
  if (name.includes('JSONParse') || name.includes('TypeValidation') || name.includes('InvalidResponseData')) {
    return { kind: 'malformed', retryable: true, message };
  }
  if (error instanceof TypeError || /terminated|socket|ECONNRESET|EPIPE|other side closed|fetch failed/i.test(message)) {
    return { kind: 'connection', retryable: true, message };
  }
  return { kind: 'other', retryable: false, message };
}

function parseRetryAfter(headers: Record<string, string> | undefined, now: number): number | undefined {
  const value = headers?.['retry-after'] ?? headers?.['Retry-After'];
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}
