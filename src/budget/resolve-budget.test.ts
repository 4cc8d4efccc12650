import { describe, expect, it } from 'vitest';
import { configSchema } from '../config/config-schema.js';
import { checkTemperature, resolveBudgetLimits } from './resolve-budget.js';

const drafts = { maxRounds: 3, candidates: 1 };

describe('resolveBudgetLimits', () => {
  it('takes flags over the configuration over the defaults', () => {
    const config = configSchema.parse({ budget: { maxRequests: 9, maxCost: 2, maxRequestsPerDraft: 3 }, retry: { maxAttempts: 2 }, temperature: 0.3 });
    expect(resolveBudgetLimits({}, undefined, drafts)).toEqual({ maxRequests: 16, maxTokens: null, maxCostUsd: null, maxRequestsPerDraft: 4 });
    expect(resolveBudgetLimits({}, config.budget, drafts)).toEqual({ maxRequests: 9, maxTokens: null, maxCostUsd: 2, maxRequestsPerDraft: 3 });
    expect(resolveBudgetLimits({ maxRequests: 5, maxTokens: 100_000, maxCost: 0.5 }, config.budget, drafts)).toEqual({ maxRequests: 5, maxTokens: 100_000, maxCostUsd: 0.5, maxRequestsPerDraft: 3 });
  });

  it('rejects nonsense with the flag named', () => {
    expect(() => resolveBudgetLimits({ maxRequests: 0 }, undefined, drafts)).toThrow(/--max-requests must be a whole number from 1 to 1000 \(got 0\)/);
    expect(() => resolveBudgetLimits({ maxTokens: 1.5 }, undefined, drafts)).toThrow(/--max-tokens/);
    expect(() => resolveBudgetLimits({ maxCost: Number.NaN }, undefined, drafts)).toThrow(/--max-cost must be an amount in US dollars/);
    expect(() => checkTemperature(2.5)).toThrow(/--temperature must be a number from 0 to 2 \(got 2.5\)/);
    expect(checkTemperature(0)).toBe(0);
    expect(configSchema.safeParse({ budget: { maxRequests: 0 } }).success).toBe(false);
    expect(configSchema.safeParse({ retry: { attempts: 2 } }).success).toBe(false);
  });
});
