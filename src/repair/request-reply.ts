import { budgetedModel } from '../budget/budgeted-model.js';
import { BudgetExhaustedError, type SpendBudget } from '../budget/spend-budget.js';
import { completeWithContinuation } from '../model/continue-completion.js';
import type { CompletionRequest, CompletionResult, LanguageModel } from '../model/language-model.js';
import { ProviderError } from '../model/provider-error.js';
import type { ModelPrompt } from '../prompt/model-prompt.js';
import { failure, success, type Result } from '../result.js';
import type { ReplyFailure } from './loop-types.js';

/** How a reply is requested. */
export interface ReplyOptions {
  signal?: AbortSignal;
  onText?: (delta: string) => void;
  onRetry?: CompletionRequest['onRetry'];
  maxOutputTokens?: number;
  temperature?: number;
  /** Whole-request retries after an incomplete reply other than an output-limit cut (default 1). */
  incompleteRetries?: number;
  /** Continuations of a reply cut by the output limit (default 1: a continuation cut again stops). */
  maxContinuations?: number;
  /** The run's spend budget: every request is checked and charged, and this reply is one draft. */
  budget?: SpendBudget;
  /** Called with every finished request's result, complete or not (run records, token counts). */
  onResult?: (result: CompletionResult, request: number) => void | Promise<void>;
  /** The completion function (default: complete, continuing replies cut by the output limit). */
  complete?: (model: LanguageModel, request: CompletionRequest) => Promise<CompletionResult>;
}

/**
 * What a fatal provider error cost, as a result the run record can count: the tokens the server reported
 * for the failed attempts, else none (an error status is not a billed reply), and the time its attempts and waits took.
 */
function failedResult(error: ProviderError, durationMs: number): CompletionResult {
  return { text: '', finishReason: 'error', usage: error.usage ?? { inputTokens: 0, outputTokens: 0 }, durationMs, attempts: error.attempts };
}

/**
 * Asks the model for a reply and returns it only when complete (finishReason 'stop'). A reply cut
 * by the output limit is continued once; cut again, it is given up (asking again would be cut the
 * same way). Any other incomplete reply is requested again; a cancelled one is reported as such; a
 * spent budget is reported as a budget stop. Provider failures after the retry policy are thrown
 * (they are fatal), after their cost is passed to `onResult`.
 */
export async function requestReply(model: LanguageModel, prompt: ModelPrompt, options: ReplyOptions = {}): Promise<Result<CompletionResult, ReplyFailure>> {
  const maxContinuations = options.maxContinuations ?? 1;
  const complete = options.complete ?? ((target, request) => completeWithContinuation(target, request, { maxContinuations }));
  const target = options.budget ? budgetedModel(model, options.budget, options.budget.startDraft()) : model;
  const retries = options.incompleteRetries ?? 1;
  let last: CompletionResult | null = null;
  let requests = 0;
  for (let request = 1; request <= retries + 1; request++) {
    if (options.signal?.aborted) return failure({ kind: 'cancelled' });
    const started = performance.now();
    try {
      last = await complete(target, {
        system: prompt.system,
        messages: prompt.messages,
        ...(options.maxOutputTokens !== undefined ? { maxOutputTokens: options.maxOutputTokens } : {}),
        ...(options.temperature !== undefined ? { temperature: options.temperature } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.onText ? { onText: options.onText } : {}),
        ...(options.onRetry ? { onRetry: options.onRetry } : {}),
      });
    } catch (error) {
      if (error instanceof BudgetExhaustedError) return failure({ kind: 'budget', budget: error.budget, detail: error.message, finishReason: 'other', requests });
      if (error instanceof ProviderError) await options.onResult?.(failedResult(error, performance.now() - started), request);
      throw error;
    }
    requests += 1 + (last.continuations ?? 0);
    await options.onResult?.(last, request);
    if (options.signal?.aborted) return failure({ kind: 'cancelled' });
    if (last.finishReason === 'stop') return success(last);
    if (last.finishReason === 'length') break;
  }
  return failure({
    kind: 'incomplete',
    finishReason: last?.finishReason ?? 'other',
    requests,
    ...(last?.finishReason === 'length' && options.maxOutputTokens !== undefined ? { maxOutputTokens: options.maxOutputTokens } : {}),
  });
}
