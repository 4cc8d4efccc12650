import { describe, expect, it } from 'vitest';
import { estimateCost } from './estimate-cost.js';
import { lookupModelInfo } from './model-catalog.js';

describe('lookupModelInfo', () => {
  it('knows hosted models by name, dated snapshot or alias, and not by loose prefix', () => {
    expect(lookupModelInfo('openai', 'gpt-4.1')?.contextWindow).toBe(1_047_576);
    expect(lookupModelInfo('openai', 'gpt-4.1-2025-04-14')?.inputPerMillion).toBe(2);
    expect(lookupModelInfo('openai', 'gpt-4.1-mini')?.inputPerMillion).toBe(0.4);
    expect(lookupModelInfo('anthropic', 'claude-sonnet-4-20250514')?.outputPerMillion).toBe(15);
    expect(lookupModelInfo('anthropic', 'claude-sonnet-4-0')?.contextWindow).toBe(200_000);
    expect(lookupModelInfo('openai', 'gpt-4.1-turbo-preview')).toBeUndefined();
    expect(lookupModelInfo('ollama', 'qwen2.5-coder:7b')).toBeUndefined();
  });
});

describe('estimateCost', () => {
  it('prices tokens at list price, marked as an estimate', () => {
    expect(estimateCost('openai', 'gpt-4.1', { inputTokens: 10_000, outputTokens: 5_000 })).toEqual({ usd: 0.06, estimate: true, pricesAsOf: expect.any(String), basis: 'list-price' });
    expect(estimateCost('anthropic', 'claude-sonnet-4-20250514', { inputTokens: 1_000_000, outputTokens: 100_000 })?.usd).toBe(4.5);
  });

  it('is 0 for local Ollama models and null when price or usage is unknown', () => {
    expect(estimateCost('ollama', 'llama3.1', { inputTokens: null, outputTokens: null })).toMatchObject({ usd: 0, basis: 'local' });
    expect(estimateCost('openai-compatible', 'Qwen/Qwen2.5-Coder-32B-Instruct', { inputTokens: 5, outputTokens: 5 })).toBeNull();
    expect(estimateCost('openai', 'gpt-4.1', { inputTokens: null, outputTokens: 5 })).toBeNull();
  });
});
