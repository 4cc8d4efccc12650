import type { CompletionRequest, CompletionResult, LanguageModel } from '../model/language-model.js';
import { ProviderError } from '../model/provider-error.js';
import type { DraftSpend, SpendBudget } from './spend-budget.js';

/** Characters per token when a provider reports no counts (the prompt estimator's ratio). */
const CHARACTERS_PER_TOKEN = 4;

function estimateInputTokens(request: CompletionRequest): number {
  const characters = request.system.length + request.messages.reduce((total, message) => total + message.content.length, 0);
  return Math.ceil(characters / CHARACTERS_PER_TOKEN);
}

/**
 * `model` behind a run's spend budget, for one draft: every request is checked before it is sent and
 * may make only the attempts the budget has left (retries included); what it spent, failed attempts
 * included, is charged. Retries cut short by the budget end the run as a budget stop, not a provider failure.
 */
export function budgetedModel(model: LanguageModel, budget: SpendBudget, draft: DraftSpend): LanguageModel {
  return {
    ...model,
    async complete(request) {
      const inputTokens = estimateInputTokens(request);
      // The reply is paid for too: the cost budget counts it at its most (the request's output limit, else the model's).
      const maxOutputTokens = request.maxOutputTokens ?? model.maxOutputTokens ?? undefined;
      const allowance = budget.allow(draft, inputTokens, maxOutputTokens);
      const maxAttempts = Math.min(request.maxAttempts ?? Infinity, allowance.attempts);
      let result: CompletionResult;
      try {
        result = await model.complete({ ...request, maxAttempts });
      } catch (error) {
        if (!(error instanceof ProviderError)) throw error;
        budget.charge(draft, error.attempts, error.usage ?? { inputTokens: 0, outputTokens: 0 }, { inputTokens: 0, outputTokens: 0 });
        if (error.attemptsCapped) throw budget.exhausted(allowance.binding, `the provider kept failing: ${error.message}`);
        throw error;
      }
      budget.charge(draft, result.attempts, result.usage, { inputTokens, outputTokens: Math.ceil(result.text.length / CHARACTERS_PER_TOKEN) });
      return result;
    },
  };
}
