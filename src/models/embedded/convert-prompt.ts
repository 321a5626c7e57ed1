// From the AI SDK prompt to node-llama-cpp's chat history, tool calls and results included.
import type { LanguageModelV3Prompt, LanguageModelV3ToolResultOutput } from '@ai-sdk/provider';
import type { ChatHistoryItem, ChatModelFunctionCall, ChatModelResponse } from 'node-llama-cpp';

/** The history ends with an empty model turn: the one the model is about to write. */
export function toChatHistory(prompt: LanguageModelV3Prompt): ChatHistoryItem[] {
  const history: ChatHistoryItem[] = [];
  const calls = new Map<string, ChatModelFunctionCall>();
  for (const message of prompt) {
    switch (message.role) {
      case 'system':
        history.push({ type: 'system', text: message.content });
        break;
      case 'user':
        history.push({ type: 'user', text: message.content.map((part) => (part.type === 'text' ? part.text : `[${part.mediaType} file]`)).join('\n') });
        break;
      case 'assistant': {
        const response: ChatModelResponse['response'] = [];
        for (const part of message.content) {
          if (part.type === 'text') response.push(part.text);
          if (part.type === 'tool-call') {
            const call: ChatModelFunctionCall = { type: 'functionCall', name: part.toolName, params: parseInput(part.input), result: undefined };
            calls.set(part.toolCallId, call);
            response.push(call);
          }
        }
        history.push({ type: 'model', response });
        break;
      }
      case 'tool':
        for (const part of message.content) {
          if (part.type !== 'tool-result') continue;
          const call = calls.get(part.toolCallId);
          if (call) call.result = outputValue(part.output);
        }
        break;
    }
  }
  history.push({ type: 'model', response: [] });
  return history;
}

function parseInput(input: unknown): unknown {
  if (typeof input !== 'string') return input;
  try {
    return JSON.parse(input);
  } catch {
    return input;
  }
}

function outputValue(output: LanguageModelV3ToolResultOutput): unknown {
  switch (output.type) {
    case 'text':
    case 'error-text':
    case 'json':
    case 'error-json':
      return output.value;
    case 'execution-denied':
      return { denied: output.reason ?? true };
    default:
      return output;
  }
}
