import { describe, expect, it } from 'vitest';
import { resolveModel } from './resolve-model.js';
import { adapterContract, CONTRACT_REQUEST } from './test-support/adapter-contract.js';
import { startOpenAiCompatibleServer } from './test-support/openai-compatible-wire.js';
import { wireFixture } from './test-support/wire-fixture.js';

const expectedBody = (model: string) => ({
  model,
  stream: true,
  stream_options: { include_usage: true },
  messages: [
    { role: 'system', content: CONTRACT_REQUEST.system },
    { role: 'user', content: CONTRACT_REQUEST.messages[0]!.content },
  ],
});

describe('ollama adapter against a fake local Ollama /v1', () => {
  adapterContract({
    fixtures: 'openai-compatible',
    start: (responses) => startOpenAiCompatibleServer(responses),
    modelId: 'ollama:qwen2.5-coder:7b',
    env: (server) => ({ OLLAMA_HOST: server.origin }),
    serverError: 'loading-model.http',
    rateLimitDelayMs: 1000,
    providerStop: 'stop',
    providerLength: 'length',
    assertRequest(recorded) {
      expect(recorded.path).toBe('/v1/chat/completions');
      expect(recorded.headers.authorization).toBeUndefined();
      expect(recorded.body).toMatchObject(expectedBody('qwen2.5-coder:7b'));
    },
  });
});

describe('openai-compatible adapter against a fake llama.cpp/vLLM server under a custom prefix', () => {
  const KEY = 'vllm-test-key-0123456789';
  adapterContract({
    fixtures: 'openai-compatible',
    start: (responses) => startOpenAiCompatibleServer(responses, '/api/openai/v1'),
    modelId: 'openai-compatible:Qwen/Qwen2.5-Coder-32B-Instruct',
    env: (server) => ({ OPENAI_COMPATIBLE_BASE_URL: `${server.baseUrl}/`, OPENAI_COMPATIBLE_API_KEY: KEY }),
    serverError: 'server-error.http',
    rateLimitDelayMs: 1000,
    providerStop: 'stop',
    providerLength: 'length',
    assertRequest(recorded) {
      expect(recorded.path).toBe('/api/openai/v1/chat/completions');
      expect(recorded.headers.authorization).toBe(`Bearer ${KEY}`);
      expect(recorded.body).toMatchObject({ ...expectedBody('Qwen/Qwen2.5-Coder-32B-Instruct'), max_tokens: 4096, temperature: 0.2 });
    },
  });

  it('--base-url wins over the environment, and a 404 (unknown model) is not retried', async () => {
    const server = await startOpenAiCompatibleServer([wireFixture('openai-compatible/model-not-found.http')]);
    try {
      const model = resolveModel('openai-compatible:qwen9:404b', { baseUrl: server.baseUrl, env: { OPENAI_COMPATIBLE_BASE_URL: 'http://127.0.0.1:1/v1' } });
      const error = await model.complete(CONTRACT_REQUEST).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ statusCode: 404, isRetryable: false, attempts: 1 });
      expect((error as Error).message).toMatch(/not found, try pulling it first.*Check the model id/);
    } finally {
      await server.close();
    }
  });

  it('fails fast, without retrying, when nothing listens at the base URL', async () => {
    const server = await startOpenAiCompatibleServer([]);
    const baseUrl = server.baseUrl;
    await server.close();
    const model = resolveModel('ollama:qwen2.5-coder:7b', { baseUrl });
    const error = await model.complete(CONTRACT_REQUEST).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'connection', isRetryable: false, attempts: 1 });
    expect((error as Error).message).toMatch(/cannot connect to http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions \(ECONNREFUSED\)/);
  });
});
