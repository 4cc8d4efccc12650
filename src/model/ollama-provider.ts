import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { ProviderDefinition } from './provider-definition.js';

/**
 * Ollama's OLLAMA_HOST as an OpenAI-compatible base URL, read as Ollama's own client reads it: a bare
 * host (`127.0.0.1`, `0.0.0.0:11434`) means http on port 11434; a URL keeps its scheme's port.
 */
export function ollamaBaseUrl(host: string): string {
  const hasScheme = /^https?:\/\//i.test(host);
  const url = new URL(hasScheme ? host : `http://${host}`);
  if (!hasScheme && !url.port) url.port = '11434';
  if (url.hostname === '0.0.0.0') url.hostname = '127.0.0.1';
  return `${url.origin}/v1`;
}

/** A local Ollama server through its OpenAI-compatible `/v1` endpoint; no key. */
export const ollamaProvider: ProviderDefinition = {
  name: 'ollama',
  title: 'Ollama (local)',
  apiKey: 'none',
  baseUrlEnv: 'OLLAMA_HOST',
  defaultBaseUrl: 'http://localhost:11434/v1',
  baseUrlFromEnv: ollamaBaseUrl,
  baseUrlMeaning: "the server (http://localhost:11434) or its …/v1 URL: /v1 is added when missing",
  apiPath: '/v1',
  exampleModel: 'ollama:qwen2.5-coder:7b',
  setup: ['ollama serve, then ollama pull qwen2.5-coder:7b', 'default http://localhost:11434/v1; OLLAMA_HOST or --base-url to change'],
  createSdkModel: ({ modelId, baseUrl, fetch }) =>
    createOpenAICompatible({ name: 'ollama', baseURL: baseUrl, includeUsage: true, fetch }).chatModel(modelId),
};
