import { createOpenAI } from '@ai-sdk/openai';
import type { ProviderDefinition } from './provider-definition.js';

/** OpenAI through the chat-completions API (`.chat(id)`: the default Responses API is OpenAI-only). */
export const openAiProvider: ProviderDefinition = {
  name: 'openai',
  title: 'OpenAI',
  apiKeyEnv: 'OPENAI_API_KEY',
  apiKey: 'required',
  baseUrlEnv: 'OPENAI_BASE_URL',
  defaultBaseUrl: 'https://api.openai.com/v1',
  baseUrlMeaning: "used as given, as OPENAI_BASE_URL is (https://api.openai.com/v1, a gateway's …/v1)",
  exampleModel: 'openai:gpt-4.1',
  setup: ['export OPENAI_API_KEY=sk-...', 'optional: OPENAI_BASE_URL for a proxy or gateway'],
  createSdkModel: ({ modelId, baseUrl, apiKey, fetch }) =>
    createOpenAI({ baseURL: baseUrl, apiKey: apiKey ?? '', fetch, name: 'openai' }).chat(modelId),
};
