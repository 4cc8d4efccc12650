import { describe, expect, it } from 'vitest';
import { resolveModel } from './resolve-model.js';
import { adapterContract, CONTRACT_REQUEST } from './test-support/adapter-contract.js';
import { startOpenAiServer } from './test-support/openai-wire.js';
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
