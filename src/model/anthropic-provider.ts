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
  exampleModel: 'anthropic:claude-sonnet-4-20250514',
  setup: ['export ANTHROPIC_API_KEY=sk-ant-...', 'optional: ANTHROPIC_BASE_URL for a proxy or gateway'],
  createSdkModel: ({ modelId, baseUrl, apiKey, fetch }) =>
    createAnthropic({ baseURL: baseUrl, apiKey: apiKey ?? '', fetch })(modelId),
};
