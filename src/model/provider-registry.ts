import { anthropicProvider } from './anthropic-provider.js';
import { azureProvider } from './azure-provider.js';
import { ollamaProvider } from './ollama-provider.js';
import { openAiCompatibleProvider } from './openai-compatible-provider.js';
import { openAiProvider } from './openai-provider.js';
import type { ProviderDefinition } from './provider-definition.js';

/** Every provider backsmith speaks to, by model-id prefix. */
export const PROVIDERS: ReadonlyMap<string, ProviderDefinition> = new Map(
  [openAiProvider, anthropicProvider, ollamaProvider, openAiCompatibleProvider, azureProvider].map((provider) => [provider.name, provider]),
);
