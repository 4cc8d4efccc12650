import { afterEach, describe, expect, it } from 'vitest';
import { estimateCost } from '../model/estimate-cost.js';
import { resolveModel } from '../model/resolve-model.js';
import { createScriptedModel } from '../model/scripted-model.js';
import type { FakeServer } from '../model/test-support/fake-http-server.js';
import { openAiErrorBody, openAiStreamEvents, startOpenAiServer } from '../model/test-support/openai-wire.js';
import { recordingClock } from '../model/test-support/recording-clock.js';
import { budgetedModel } from './budgeted-model.js';
import { BudgetExhaustedError, createSpendBudget, defaultBudgetLimits, describeSpending, type BudgetLimits } from './spend-budget.js';

const request = { system: 'Write modules.', messages: [{ role: 'user' as const, content: 'x'.repeat(4000) }] };
const limits = (overrides: Partial<BudgetLimits> = {}): BudgetLimits => ({ maxRequests: 10, maxTokens: null, maxCostUsd: null, maxRequestsPerDraft: 4, ...overrides });
const gpt41 = (usage: { inputTokens: number | null; outputTokens: number | null }) => estimateCost('openai', 'gpt-4.1', usage)?.usd ?? null;

describe('createSpendBudget', () => {
  it('defaults to 4 requests per draft, for every draft the loop may draw', () => {
    expect(defaultBudgetLimits({ maxRounds: 3, candidates: 2 })).toEqual({ maxRequests: 20, maxTokens: null, maxCostUsd: null, maxRequestsPerDraft: 4 });
  });

  it('refuses requests past each budget, naming it with what was spent and what to change', () => {
    const table: [Partial<BudgetLimits>, RegExp][] = [
      [{ maxRequests: 1 }, /^Stopped by the request budget \(--max-requests 1\): spent 1 request, 1,000 tokens in \/ 500 out, ~\$0\.0060; raise --max-requests/],
      [{ maxTokens: 2000 }, /^Stopped by the token budget \(--max-tokens 2,000, input and output together\) \(the next request needs about 1,004 input tokens\): spent 1 request/],
      [{ maxCostUsd: 0.007 }, /^Stopped by the cost budget \(--max-cost 0\.007 USD, list-price estimate\) \(sending the next request would cost about \$0\.0020, more than the \$0\.0010 left\)/],
      [{ maxRequestsPerDraft: 1 }, /^Stopped by the per-draft request limit \(1 requests per draft, continuations and retries included\)/],
    ];
    for (const [overrides, message] of table) {
      const budget = createSpendBudget(limits(overrides), gpt41);
      const draft = budget.startDraft();
      expect(budget.allow(draft, 1004).attempts).toBeGreaterThan(0);
      budget.charge(draft, 1, { inputTokens: 1000, outputTokens: 500 }, { inputTokens: 0, outputTokens: 0 });
      const error = (() => { try { budget.allow(draft, 1004); } catch (caught) { return caught; } })();
      expect(error).toBeInstanceOf(BudgetExhaustedError);
      expect((error as Error).message).toMatch(message);
      expect(budget.stoppedBy()).toBe((error as BudgetExhaustedError).budget);
    }
  });

  it('--max-cost counts the reply at its most before a request, and the real usage after it, saying which passed the limit', () => {
    const refusal = (budget: ReturnType<typeof createSpendBudget>, inputTokens: number, maxOutputTokens?: number): string => {
      try {
        budget.allow(budget.startDraft(), inputTokens, maxOutputTokens);
      } catch (error) {
        return (error as Error).message;
      }
      return 'allowed';
    };
    // gpt-4.1: $2 in, $8 out per million. 10,000 tokens in: $0.02; 32,768 out at most: $0.2621.
    const budget = createSpendBudget(limits({ maxCostUsd: 0.15 }), gpt41);
    expect(refusal(budget, 10_000)).toBe('allowed');
    expect(refusal(budget, 10_000, 8_000)).toBe('allowed');
    expect(refusal(budget, 10_000, 32_768)).toMatch(/^Stopped by the cost budget \(--max-cost 0\.15 USD, list-price estimate\) \(the next request costs about \$0\.0200 to send, and its reply up to \$0\.2621 \(at most 32,768 tokens\): \$0\.2821, more than the \$0\.1500 left; lower --max-output-tokens to send it\): spent 0 requests/);
    expect(refusal(budget, 80_000, 100)).toMatch(/\(sending the next request would cost about \$0\.1600, more than the \$0\.1500 left\)/);
    // A reply that used more than was allowed for (a provider ignoring the limit): the next request is refused on the real usage.
    budget.charge(budget.startDraft(), 1, { inputTokens: 10_000, outputTokens: 20_000 }, { inputTokens: 0, outputTokens: 0 });
    expect(budget.spent().costUsd).toBe(0.18);
    expect(refusal(budget, 10)).toMatch(/\(the real usage of the replies so far passed it: the last request cost \$0\.0200 to send and \$0\.1600 for its reply\): spent 1 request, 10,000 tokens in \/ 20,000 out, ~\$0\.1800;/);
  });

  it('a local model (Ollama) costs nothing, and its spending says so rather than ~$0.0000', () => {
    const ollama = (usage: { inputTokens: number | null; outputTokens: number | null }) => estimateCost('ollama', 'qwen2.5-coder:7b', usage)?.usd ?? null;
    const budget = createSpendBudget(limits({ maxCostUsd: 0.01 }), ollama);
    budget.charge(budget.startDraft(), 1, { inputTokens: 9000, outputTokens: 7000 }, { inputTokens: 0, outputTokens: 0 });
    expect(budget.allow(budget.startDraft(), 500_000, 32_000).attempts).toBeGreaterThan(0);
    expect(describeSpending(budget.spent())).toBe('1 request, 9,000 tokens in / 7,000 out, no cost (local model)');
    expect(describeSpending(createSpendBudget(limits(), gpt41).spent())).toBe('0 requests, 0 tokens in / 0 out, ~$0.0000');
  });

  it('estimates tokens the provider did not report, and says so; an unknown price leaves the cost unknown', () => {
    const budget = createSpendBudget(limits(), () => null);
    budget.charge(budget.startDraft(), 2, { inputTokens: null, outputTokens: null }, { inputTokens: 300, outputTokens: 40 });
    expect(budget.spent()).toEqual({ requests: 2, inputTokens: 300, outputTokens: 40, costUsd: null, tokensEstimated: true });
  });
});

describe('budgetedModel against a fake OpenAI server', () => {
  let server: FakeServer | undefined;
  afterEach(async () => server?.close());

  it('lets a request retry only as often as the budget allows, then stops as a budget stop, counting every request', async () => {
    const error = { status: 500, body: openAiErrorBody('The server had an error', 'server_error') };
    server = await startOpenAiServer(Array.from({ length: 8 }, () => error));
    const model = resolveModel('openai:gpt-4.1', { env: { OPENAI_API_KEY: 'sk-test-0123456789abcdef', OPENAI_BASE_URL: server.baseUrl }, clock: recordingClock() });
    const budget = createSpendBudget(limits({ maxRequests: 3 }), gpt41);
    const announced: string[] = [];
    const failure = await budgetedModel(model, budget, budget.startDraft())
      .complete({ ...request, onRetry: (event) => announced.push(`retrying (${event.attempt} of ${event.maxAttempts! - 1})`) })
      .catch((caught: unknown) => caught);
    expect(failure).toBeInstanceOf(BudgetExhaustedError);
    expect((failure as Error).message).toMatch(/^Stopped by the request budget \(--max-requests 3\) \(the provider kept failing: .*HTTP 500.*\): spent 3 requests, 0 tokens in \/ 0 out/);
    expect(announced).toEqual(['retrying (1 of 2)', 'retrying (2 of 2)']);
    expect(server.requests).toHaveLength(3);
    expect(budget.spent().requests).toBe(3);
  });

  it('charges the tokens the server reported', async () => {
    server = await startOpenAiServer([{ events: openAiStreamEvents('print(1)\n', { promptTokens: 1200, completionTokens: 30 }) }]);
    const model = resolveModel('openai:gpt-4.1', { env: { OPENAI_API_KEY: 'sk-test-0123456789abcdef', OPENAI_BASE_URL: server.baseUrl } });
    const budget = createSpendBudget(limits(), gpt41);
    await budgetedModel(model, budget, budget.startDraft()).complete(request);
    expect(budget.spent()).toMatchObject({ requests: 1, inputTokens: 1200, outputTokens: 30, tokensEstimated: false, costUsd: 0.00264 });
  });

  it('works over models that make one attempt per call (the scripted model)', async () => {
    const budget = createSpendBudget(limits({ maxRequestsPerDraft: 2 }), () => null);
    const draft = budget.startDraft();
    const model = budgetedModel(createScriptedModel(['a', 'b', 'c']), budget, draft);
    await model.complete(request);
    await model.complete(request);
    await expect(model.complete(request)).rejects.toMatchObject({ budget: 'max-requests-per-draft' });
  });
});
