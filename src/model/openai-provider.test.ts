import { describe, expect, it } from 'vitest';
import { ProviderError } from './provider-error.js';
import { resolveModel } from './resolve-model.js';
import { adapterContract, CONTRACT_REQUEST } from './test-support/adapter-contract.js';
import { startOpenAiServer } from './test-support/openai-wire.js';
import { recordingClock } from './test-support/recording-clock.js';
import { wireFixture } from './test-support/wire-fixture.js';

const KEY = 'sk-test-openai-0123456789abcdef';

describe('openai adapter (chat completions) against a fake api.openai.com', () => {
  adapterContract({
    fixtures: 'openai',
    start: startOpenAiServer,
    modelId: 'openai:gpt-4.1',
    env: (server) => ({ OPENAI_API_KEY: KEY, OPENAI_BASE_URL: server.baseUrl }),
    serverError: 'server-error.http',
    rateLimitDelayMs: 1500, // retry-after-ms wins over retry-after: 2
    providerStop: 'stop',
    providerLength: 'length',
    assertRequest(recorded) {
      expect(recorded.path).toBe('/v1/chat/completions');
      expect(recorded.headers.authorization).toBe(`Bearer ${KEY}`);
      expect(recorded.body).toMatchObject({
        model: 'gpt-4.1',
        stream: true,
        stream_options: { include_usage: true },
        max_tokens: 4096,
        temperature: 0.2,
        messages: [
          { role: 'system', content: CONTRACT_REQUEST.system },
          { role: 'user', content: CONTRACT_REQUEST.messages[0]!.content },
        ],
      });
    },
  });

  it('does not wait for a Retry-After beyond maxRetryAfterMs, and says how long the server asked for', async () => {
    const server = await startOpenAiServer([wireFixture('openai/rate-limited.http', { headers: { 'retry-after-ms': '', 'retry-after': '3600' } })]);
    try {
      const clock = recordingClock();
      const model = resolveModel('openai:gpt-4.1', { env: { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: server.baseUrl }, clock });
      const error = await model.complete(CONTRACT_REQUEST).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ProviderError);
      expect((error as ProviderError).describe()).toMatch(/HTTP 429 .*\(not retried: the server asks to wait 60 min, longer than the 2 min backsmith waits; try again later, or raise retry\.maxRetryAfterMs in the configuration\)\.?$/);
      expect(clock.delays).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('ends an attempt at the request timeout, idle timer or not', async () => {
    const slow = wireFixture('openai/fenced-code.sse', { delayMs: 400 });
    const server = await startOpenAiServer([slow]);
    try {
      const model = resolveModel('openai:gpt-4.1', { env: { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: server.baseUrl }, retry: { maxAttempts: 1, requestTimeoutMs: 150, idleTimeoutMs: 0 } });
      await expect(model.complete(CONTRACT_REQUEST)).rejects.toMatchObject({ kind: 'timeout', isRetryable: true, message: expect.stringMatching(/request timeout \(no complete reply within 150 ms\)/) });
    } finally {
      await server.close();
    }
  });

  it("returns 'aborted' when the caller cancels during a backoff wait, without another request", async () => {
    const server = await startOpenAiServer([wireFixture('openai/server-error.http'), wireFixture('openai/fenced-code.sse')]);
    try {
      const controller = new AbortController();
      const clock = { ...recordingClock(), sleep: async () => controller.abort() };
      const model = resolveModel('openai:gpt-4.1', { env: { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: server.baseUrl }, clock });
      const result = await model.complete({ ...CONTRACT_REQUEST, signal: controller.signal });
      expect(result).toMatchObject({ text: '', finishReason: 'aborted', attempts: 1 });
      expect(server.requests).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it('does not retry a 401 and names the key variable', async () => {
    const server = await startOpenAiServer([wireFixture('openai/invalid-key.http'), wireFixture('openai/fenced-code.sse')]);
    try {
      const model = resolveModel('openai:gpt-4.1', { env: { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: server.baseUrl } });
      const error = await model.complete(CONTRACT_REQUEST).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ statusCode: 401, isRetryable: false, attempts: 1 });
      expect((error as Error).message).toMatch(/HTTP 401 .*Incorrect API key provided.*Check OPENAI_API_KEY/);
      expect(server.requests).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});
