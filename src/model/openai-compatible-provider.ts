import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { ProviderDefinition } from './provider-definition.js';

/** Any OpenAI-compatible chat-completions server (llama.cpp, vLLM, LM Studio, gateways); needs a base URL. */
export const openAiCompatibleProvider: ProviderDefinition = {
  name: 'openai-compatible',
  title: 'OpenAI-compatible server (llama.cpp, vLLM, LM Studio)',
  apiKeyEnv: 'OPENAI_COMPATIBLE_API_KEY',
  apiKey: 'optional',
  baseUrlEnv: 'OPENAI_COMPATIBLE_BASE_URL',
  baseUrlMeaning: "used as given, as OPENAI_BASE_URL is: usually http://HOST:PORT/v1",
  exampleModel: 'openai-compatible:MODEL --base-url http://localhost:8080/v1',
  setup: ['--base-url http://HOST:PORT/v1 (or OPENAI_COMPATIBLE_BASE_URL)', 'a key, if the server wants one: OPENAI_COMPATIBLE_API_KEY'],
  createSdkModel: ({ modelId, baseUrl, apiKey, fetch }) =>
    createOpenAICompatible({ name: 'openai-compatible', baseURL: baseUrl, includeUsage: true, fetch, ...(apiKey ? { apiKey } : {}) }).chatModel(modelId),
};
