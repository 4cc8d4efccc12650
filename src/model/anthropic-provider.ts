import { createAnthropic } from '@ai-sdk/anthropic';
import type { ProviderDefinition } from './provider-definition.js';

/** Anthropic through the Messages API. */
export const anthropicProvider: ProviderDefinition = {
  name: 'anthropic',
  title: 'Anthropic',
  apiKeyEnv: 'ANTHROPIC_API_KEY',
  apiKey: 'required',
  baseUrlEnv: 'ANTHROPIC_BASE_URL',
  defaultBaseUrl: 'https://api.anthropic.com/v1',
  baseUrlMeaning: "the origin or the …/v1 URL (https://api.anthropic.com or https://api.anthropic.com/v1): /v1 is added when missing, as Anthropic's SDKs do",
  apiPath: '/v1',
  exampleModel: 'anthropic:claude-sonnet-4-20250514',
  setup: ['export ANTHROPIC_API_KEY=sk-ant-...', 'optional: ANTHROPIC_BASE_URL for a proxy or gateway'],
  createSdkModel: ({ modelId, baseUrl, apiKey, fetch }) =>
    createAnthropic({ baseURL: baseUrl, apiKey: apiKey ?? '', fetch })(modelId),
};
