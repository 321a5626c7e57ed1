// A small OpenAI-compatible chat-completions server for tests: scripted replies, tool calls,
// echo, and failures on command. Listens on 127.0.0.1 with a free port; no network needed.
// It also answers Anthropic's /v1/messages, so the Anthropic client can be tested the same way.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { anthropicDialect, openAIDialect, type ReplyContext, type ReplyDialect, type Send } from './reply-dialects.js';

/** What the server does for one request. */
export type TestServerStep =
  | { reply: string; chunkSize?: number; usage?: TestServerUsage }
  | { toolCalls: { name: string; arguments: unknown }[]; reply?: string; usage?: TestServerUsage }
  /** Reply with the whole prompt received, one `role: content` line per message. */
  | { echo: true; chunkSize?: number }
  /** 429 with a Retry-After header (seconds). */
  | { fail: 'rate-limit'; retryAfterSeconds?: number }
  | { fail: 'server-error' }
  | { fail: 'unavailable' }
  /** Destroys the socket before any response byte. */
  | { fail: 'reset' }
  /** Sends the headers, then waits before the first token (non-streaming: before the body). */
  | { fail: 'slow-first-token'; delayMs: number; reply: string }
  /** Streams the first `afterChars` characters of `reply`, then destroys the socket. */
  | { fail: 'cut'; reply: string; afterChars: number }
  /** Streams part of `reply`, then a chunk that is not JSON, then the rest. */
  | { fail: 'malformed'; reply: string };

export interface TestServerUsage {
  promptTokens: number;
  completionTokens: number;
  cachedTokens?: number;
}

export interface TestServerRequest {
  model: string;
  stream: boolean;
  messages: { role: string; content: unknown; tool_calls?: unknown; tool_call_id?: string }[];
  tools?: unknown[];
  body: Record<string, unknown>;
}

export interface OpenAITestServer {
  /** Base URL to give a provider, ending in `/v1`. */
  url: string;
  /** Every request received, in order. */
  requests: TestServerRequest[];
  /** Queues steps; each request takes the next one, then falls back to `respond`. */
  enqueue(...steps: TestServerStep[]): void;
  /** Forgets queued steps and received requests. */
  reset(): void;
  close(): Promise<void>;
}

export interface OpenAITestServerOptions {
  /** Decides the step when the queue is empty; default: reply "ok". */
  respond?: (request: TestServerRequest, index: number) => TestServerStep;
}

/**
 * Starts the server. Example:
 * ```ts
 * const server = await startOpenAITestServer();
 * server.enqueue({ fail: 'unavailable' }, { reply: 'Hello there' });
 * const model = createOpenAICompatible({ name: 'test', baseURL: server.url }).chatModel('m');
 * ```
 */
export async function startOpenAITestServer(options: OpenAITestServerOptions = {}): Promise<OpenAITestServer> {
  const queue: TestServerStep[] = [];
  const requests: TestServerRequest[] = [];
  const sockets = new Set<Socket>();
  const respond = options.respond ?? (() => ({ reply: 'ok' }));

  const server = createServer((incoming, response) => {
    void handle(incoming, response).catch(() => response.destroy());
  });
  server.on('connection', (socket) => {
    socket.setNoDelay(true);
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(incoming: IncomingMessage, response: ServerResponse): Promise<void> {
    const raw = await readBody(incoming);
    const dialect = incoming.url?.endsWith('/chat/completions') ? openAIDialect : incoming.url?.endsWith('/messages') ? anthropicDialect : null;
    if (incoming.method !== 'POST' || !dialect) {
      sendJson(response, 404, { error: { message: `no route ${incoming.method} ${incoming.url}`, type: 'not_found' } });
      return;
    }
    const body = JSON.parse(raw) as Record<string, unknown>;
    const messages = (body.messages ?? []) as TestServerRequest['messages'];
    const system = body.system as string | { text: string }[] | undefined;
    const request: TestServerRequest = {
      model: String(body.model),
      stream: body.stream === true,
      // Anthropic sends the system prompt beside the messages; it is shown first, as OpenAI has it.
      messages: system ? [{ role: 'system', content: typeof system === 'string' ? system : system.map((part) => part.text).join('\n') }, ...messages] : messages,
      tools: body.tools as unknown[] | undefined,
      body,
    };
    requests.push(request);
    const step = queue.shift() ?? respond(request, requests.length - 1);
    await perform(step, request, incoming, response, dialect);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    enqueue: (...steps) => queue.push(...steps),
    reset: () => {
      queue.length = 0;
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

async function perform(step: TestServerStep, request: TestServerRequest, incoming: IncomingMessage, response: ServerResponse, dialect: ReplyDialect): Promise<void> {
  const reply = (text: string, toolCalls: { name: string; arguments: unknown }[], usage: TestServerUsage | undefined, chunkSize: number, fault?: StreamFault) =>
    replyWith(request, response, dialect, text, toolCalls, usage, chunkSize, fault);
  if ('fail' in step) {
    switch (step.fail) {
      case 'rate-limit':
        response.setHeader('retry-after', String(step.retryAfterSeconds ?? 1));
        return sendJson(response, 429, dialect.error(429, 'Rate limit reached'));
      case 'server-error':
        return sendJson(response, 500, dialect.error(500, 'Internal server error'));
      case 'unavailable':
        return sendJson(response, 503, dialect.error(503, 'Service unavailable'));
      case 'reset':
        incoming.socket.destroy();
        return;
      case 'slow-first-token':
        return reply(step.reply, [], undefined, 4, { firstTokenDelayMs: step.delayMs });
      case 'cut':
        return reply(step.reply, [], undefined, 4, { cutAfterChars: step.afterChars, socket: incoming.socket });
      case 'malformed':
        return reply(step.reply, [], undefined, 4, { malformed: true });
    }
  }
  if ('echo' in step) return reply(renderPrompt(request), [], undefined, step.chunkSize ?? 16);
  if ('toolCalls' in step) return reply(step.reply ?? '', step.toolCalls, step.usage, 8);
  return reply(step.reply, [], step.usage, step.chunkSize ?? 4);
}

/** The prompt as echo mode returns it: one `role: content` line per message. */
export function renderPrompt(request: Pick<TestServerRequest, 'messages'>): string {
  return request.messages
    .map((message) => `${message.role}: ${typeof message.content === 'string' ? message.content : JSON.stringify(message.content)}`)
    .join('\n');
}

interface StreamFault {
  firstTokenDelayMs?: number;
  cutAfterChars?: number;
  socket?: Socket;
  malformed?: boolean;
}

async function replyWith(
  request: TestServerRequest,
  response: ServerResponse,
  dialect: ReplyDialect,
  text: string,
  toolCalls: { name: string; arguments: unknown }[],
  usage: TestServerUsage | undefined,
  chunkSize: number,
  fault: StreamFault = {},
): Promise<void> {
  const calls = toolCalls.map((call, index) => ({ id: `call_${index + 1}`, name: call.name, arguments: typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments) }));
  const context: ReplyContext = {
    model: request.model,
    text,
    calls,
    usage: {
      promptTokens: usage?.promptTokens ?? Math.ceil(renderPrompt(request).length / 4),
      completionTokens: usage?.completionTokens ?? Math.ceil((text.length + calls.reduce((sum, call) => sum + call.arguments.length, 0)) / 4),
      cachedTokens: usage?.cachedTokens ?? 0,
    },
  };

  if (!request.stream) {
    if (fault.firstTokenDelayMs) await delay(fault.firstTokenDelayMs);
    if (response.destroyed) return;
    return sendJson(response, 200, dialect.whole(context));
  }

  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  const send: Send = (payload, event) => response.write(`${event ? `event: ${event}\n` : ''}data: ${JSON.stringify(payload)}\n\n`);
  dialect.start(send, context);
  if (fault.firstTokenDelayMs) {
    await delay(fault.firstTokenDelayMs);
    if (response.destroyed) return;
  }
  let sent = 0;
  for (let start = 0; start < text.length; start += chunkSize) {
    const piece = text.slice(start, start + chunkSize);
    if (fault.cutAfterChars !== undefined && sent + piece.length > fault.cutAfterChars) {
      const head = piece.slice(0, fault.cutAfterChars - sent);
      if (head) dialect.text(send, head);
      await flush(response);
      await delay(5);
      fault.socket?.destroy();
      return;
    }
    if (fault.malformed && start > 0 && start >= text.length / 2 && start - chunkSize < text.length / 2) response.write(dialect.malformed);
    dialect.text(send, piece);
    sent += piece.length;
  }
  dialect.end(send, context);
  response.end(dialect.trailer);
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

function readBody(incoming: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    incoming.on('data', (part: Buffer) => parts.push(part));
    incoming.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    incoming.on('error', reject);
  });
}

/** Resolves once everything written so far has been handed to the operating system. */
function flush(response: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    if (response.writableNeedDrain) response.once('drain', () => resolve());
    else setImmediate(resolve);
  });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
