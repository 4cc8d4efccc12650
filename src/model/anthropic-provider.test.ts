import { describe, expect } from 'vitest';
import { startAnthropicServer } from './test-support/anthropic-wire.js';
import { adapterContract, CONTRACT_REQUEST } from './test-support/adapter-contract.js';

const KEY = 'sk-ant-test-0123456789abcdef';

describe('anthropic adapter (Messages API) against a fake api.anthropic.com', () => {
  adapterContract({
    fixtures: 'anthropic',
    start: startAnthropicServer,
    modelId: 'anthropic:claude-sonnet-4-20250514',
    env: (server) => ({ ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: server.baseUrl }),
    serverError: 'overloaded.http', // 529: Anthropic's own "try again"
    rateLimitDelayMs: 3000,
    providerStop: 'end_turn',
    providerLength: 'max_tokens',
    assertRequest(recorded) {
      expect(recorded.path).toBe('/v1/messages');
      expect(recorded.headers['x-api-key']).toBe(KEY);
      expect(recorded.headers['anthropic-version']).toBeTruthy();
      expect(recorded.headers.authorization).toBeUndefined();
      // The system prompt is a top-level field, not a message.
      expect(recorded.body).toMatchObject({
        model: 'claude-sonnet-4-20250514',
        stream: true,
        max_tokens: 4096,
        temperature: 0.2,
        system: [{ type: 'text', text: CONTRACT_REQUEST.system }],
        messages: [{ role: 'user', content: [{ type: 'text', text: CONTRACT_REQUEST.messages[0]!.content }] }],
      });
    },
  });
});
