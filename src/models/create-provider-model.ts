// From a provider + model entry of the config to an AI SDK language model.
import { createAnthropic } from '@ai-sdk/anthropic';
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { LanguageModelV3 } from '@ai-sdk/provider';
import { createEmbeddedModel } from './embedded/create-embedded-model.js';
import type { ProviderConfig } from './model-config.js';

/**
 * Builds the model for one entry. OpenAI goes through the chat-completions API, like every
 * OpenAI-compatible server (Ollama, vLLM, llama.cpp server, LM Studio, OpenRouter).
 */
export function createProviderModel(name: string, provider: ProviderConfig, modelId: string, apiKey: string | undefined): LanguageModelV3 {
  switch (provider.type) {
    case 'openai':
      return createOpenAI({ apiKey: apiKey ?? '', ...(provider.baseURL ? { baseURL: provider.baseURL } : {}) }).chat(modelId);
    case 'anthropic':
      return createAnthropic({ apiKey: apiKey ?? '', ...(provider.baseURL ? { baseURL: provider.baseURL } : {}) })(modelId);
    case 'openai-compatible':
      return createOpenAICompatible({ name, baseURL: provider.baseURL, includeUsage: true, supportsStructuredOutputs: true, ...(apiKey ? { apiKey } : {}) }).chatModel(modelId);
    case 'embedded':
      return createEmbeddedModel({ modelId, modelPath: provider.modelPath, threads: provider.threads, contextSize: provider.contextSize, gpu: provider.gpu });
  }
}
