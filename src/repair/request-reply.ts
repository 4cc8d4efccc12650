import { completeWithContinuation } from '../model/continue-completion.js';
import type { CompletionRequest, CompletionResult, LanguageModel } from '../model/language-model.js';
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
  /** Whole-request retries after an incomplete reply (default 1). Output-limit cuts are first continued. */
  incompleteRetries?: number;
  /** Called with every finished request's result, complete or not (run records, token counts). */
  onResult?: (result: CompletionResult, request: number) => void | Promise<void>;
  /** The completion function (default: complete, continuing replies cut by the output limit). */
  complete?: (model: LanguageModel, request: CompletionRequest) => Promise<CompletionResult>;
}

/**
 * Asks the model for a reply and returns it only when complete (finishReason 'stop'). A reply cut
 * by the output limit is continued; any other incomplete reply is requested again; a cancelled one
 * is reported as such. Provider failures after the retry policy are thrown (they are fatal).
 */
export async function requestReply(model: LanguageModel, prompt: ModelPrompt, options: ReplyOptions = {}): Promise<Result<CompletionResult, ReplyFailure>> {
  const complete = options.complete ?? ((target, request) => completeWithContinuation(target, request));
  const retries = options.incompleteRetries ?? 1;
  let last: CompletionResult | null = null;
  for (let request = 1; request <= retries + 1; request++) {
    if (options.signal?.aborted) return failure({ kind: 'cancelled' });
    last = await complete(model, {
      system: prompt.system,
      messages: prompt.messages,
      ...(options.maxOutputTokens !== undefined ? { maxOutputTokens: options.maxOutputTokens } : {}),
      ...(options.temperature !== undefined ? { temperature: options.temperature } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onText ? { onText: options.onText } : {}),
      ...(options.onRetry ? { onRetry: options.onRetry } : {}),
    });
    await options.onResult?.(last, request);
    if (options.signal?.aborted) return failure({ kind: 'cancelled' });
    if (last.finishReason === 'stop') return success(last);
  }
  return failure({ kind: 'incomplete', finishReason: last?.finishReason ?? 'other', requests: retries + 1 });
}
