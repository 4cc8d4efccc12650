import { describe, expect, it } from 'vitest';
import type { CompletionResult, LanguageModel } from '../model/language-model.js';
import { ProviderError } from '../model/provider-error.js';
import { requestReply } from './request-reply.js';

const PROMPT = { system: 'Write the module.', messages: [{ role: 'user' as const, content: 'Go.' }], sections: [], estimatedTokens: 10 };

describe('requestReply', () => {
  it('records the time a fatal provider error took (its attempts and waits), not zero', async () => {
    const model: LanguageModel = {
      provider: 'openai', modelId: 'gpt-4.1', contextWindow: null,
      async complete() {
        await new Promise((resolve) => setTimeout(resolve, 60));
        const error = new ProviderError('HTTP 500', { kind: 'http', provider: 'openai', modelId: 'gpt-4.1', statusCode: 500, isRetryable: true });
        error.attempts = 4;
        throw error;
      },
    };
    const results: CompletionResult[] = [];
    await expect(requestReply(model, PROMPT, { onResult: (result) => void results.push(result) })).rejects.toThrow('HTTP 500');
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ finishReason: 'error', attempts: 4, usage: { inputTokens: 0, outputTokens: 0 } });
    expect(results[0]!.durationMs).toBeGreaterThanOrEqual(50);
  });
});
