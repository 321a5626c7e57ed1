// How the test server writes a reply: OpenAI chat-completions or Anthropic messages, whole or streamed.

export interface ReplyContext {
  model: string;
  text: string;
  calls: { id: string; name: string; arguments: string }[];
  usage: { promptTokens: number; completionTokens: number; cachedTokens: number };
}

/** `send` writes one server-sent event. */
export type Send = (payload: unknown, event?: string) => void;

export interface ReplyDialect {
  whole(reply: ReplyContext): unknown;
  start(send: Send, reply: ReplyContext): void;
  text(send: Send, piece: string): void;
  end(send: Send, reply: ReplyContext): void;
  /** The raw text of the trailer after the last event (e.g. `data: [DONE]`). */
  trailer: string;
  /** An event that is not valid JSON. */
  malformed: string;
  error(status: number, message: string): unknown;
}

const base = (model: string) => ({ id: 'chatcmpl-test', created: 1_700_000_000, model });

export const openAIDialect: ReplyDialect = {
  whole: (reply) => ({
    ...base(reply.model),
    object: 'chat.completion',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: reply.text, ...(reply.calls.length > 0 ? { tool_calls: reply.calls.map(openAICall) } : {}) },
        finish_reason: reply.calls.length > 0 ? 'tool_calls' : 'stop',
      },
    ],
    usage: openAIUsage(reply),
  }),
  start: (send, reply) => send(chunk(reply.model, { role: 'assistant', content: '' })),
  text: (send, piece) => send(chunk('', { content: piece })),
  end(send, reply) {
    reply.calls.forEach((call, index) => {
      send(chunk(reply.model, { tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }] }));
      const half = Math.ceil(call.arguments.length / 2);
      send(chunk(reply.model, { tool_calls: [{ index, function: { arguments: call.arguments.slice(0, half) } }] }));
      send(chunk(reply.model, { tool_calls: [{ index, function: { arguments: call.arguments.slice(half) } }] }));
    });
    send(chunk(reply.model, {}, reply.calls.length > 0 ? 'tool_calls' : 'stop'));
    send({ ...base(reply.model), object: 'chat.completion.chunk', choices: [], usage: openAIUsage(reply) });
  },
  trailer: 'data: [DONE]\n\n',
  malformed: 'data: {"choices": [ this is not json\n\n',
  error: (status, message) => ({ error: { message, type: status === 429 ? 'rate_limit_error' : 'server_error' } }),
};

export const anthropicDialect: ReplyDialect = {
  whole: (reply) => ({
    id: 'msg_test',
    type: 'message',
    role: 'assistant',
    model: reply.model,
    content: [
      ...(reply.text ? [{ type: 'text', text: reply.text }] : []),
      ...reply.calls.map((call) => ({ type: 'tool_use', id: call.id, name: call.name, input: JSON.parse(call.arguments) as unknown })),
    ],
    stop_reason: reply.calls.length > 0 ? 'tool_use' : 'end_turn',
    stop_sequence: null,
    usage: anthropicUsage(reply),
  }),
  start(send, reply) {
    send(
      { type: 'message_start', message: { id: 'msg_test', type: 'message', role: 'assistant', model: reply.model, content: [], stop_reason: null, stop_sequence: null, usage: { ...anthropicUsage(reply), output_tokens: 1 } } },
      'message_start',
    );
    send({ type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }, 'content_block_start');
  },
  text: (send, piece) => send({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: piece } }, 'content_block_delta'),
  end(send, reply) {
    send({ type: 'content_block_stop', index: 0 }, 'content_block_stop');
    reply.calls.forEach((call, offset) => {
      const index = offset + 1;
      send({ type: 'content_block_start', index, content_block: { type: 'tool_use', id: call.id, name: call.name, input: {} } }, 'content_block_start');
      send({ type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json: call.arguments } }, 'content_block_delta');
      send({ type: 'content_block_stop', index }, 'content_block_stop');
    });
    send({ type: 'message_delta', delta: { stop_reason: reply.calls.length > 0 ? 'tool_use' : 'end_turn', stop_sequence: null }, usage: { output_tokens: reply.usage.completionTokens } }, 'message_delta');
    send({ type: 'message_stop' }, 'message_stop');
  },
  trailer: '',
  malformed: 'event: content_block_delta\ndata: {"type": "content_block_delta", this is not json\n\n',
  error: (status, message) => ({ type: 'error', error: { type: status === 429 ? 'rate_limit_error' : status === 529 ? 'overloaded_error' : 'api_error', message } }),
};

function chunk(model: string, delta: Record<string, unknown>, finish: string | null = null) {
  return { ...base(model), object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: finish }] };
}

function openAICall(call: ReplyContext['calls'][number]) {
  return { id: call.id, type: 'function', function: { name: call.name, arguments: call.arguments } };
}

function openAIUsage(reply: ReplyContext) {
  const { promptTokens, completionTokens, cachedTokens } = reply.usage;
  return { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens, prompt_tokens_details: { cached_tokens: cachedTokens } };
}

function anthropicUsage(reply: ReplyContext) {
  return { input_tokens: reply.usage.promptTokens - reply.usage.cachedTokens, output_tokens: reply.usage.completionTokens, cache_read_input_tokens: reply.usage.cachedTokens, cache_creation_input_tokens: 0 };
}
