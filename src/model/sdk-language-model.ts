import type { LanguageModel as SdkLanguageModel } from 'ai';
import { startAttemptWatchdog } from './attempt-watchdog.js';
import type { CompletionRequest, CompletionResult, LanguageModel, TokenUsage } from './language-model.js';
import { judgeAttempt, type AttemptReply } from './judge-attempt.js';
import { ProviderError } from './provider-error.js';
import type { ProviderCallContext } from './map-provider-error.js';
import { SYSTEM_CLOCK, withRetries, type RetryClock, type RetrySettings } from './retry-policy.js';
import { streamAttempt } from './stream-attempt.js';
import { trackingFetch, type FetchFunction, type ReceivedReply } from './tracking-fetch.js';

/** Everything an adapter supplies: identity, the SDK model factory, and the shared policy. */
export interface SdkModelOptions {
  provider: string;
  modelId: string;
  contextWindow: number | null;
  maxOutputTokens: number | null;
  /** Builds the SDK model around a fetch (the policy's byte-tracking fetch, one per attempt). */
  createSdkModel: (fetch: FetchFunction) => SdkLanguageModel;
  /** The key this model sends, so that it can be scrubbed from every error. */
  apiKey?: string;
  apiKeyEnv?: string;
  retry: RetrySettings;
  clock?: RetryClock;
  /** Base fetch (tests and proxies); the global fetch otherwise. */
  fetch?: FetchFunction;
}

/** Sums token counts; a count one side does not know is taken from the other. */
function addUsage(a: TokenUsage | null, b: TokenUsage): TokenUsage {
  const add = (x: number | null | undefined, y: number | null): number | null => (x === null || x === undefined ? y : y === null ? x : x + y);
  return { inputTokens: add(a?.inputTokens, b.inputTokens), outputTokens: add(a?.outputTokens, b.outputTokens) };
}

function silenceSdkWarnings(): void {
  // The SDK prints warnings with console.warn unless told otherwise; they would break the progress
  // line. They are returned in CompletionResult.warnings instead.
  const global = globalThis as { AI_SDK_LOG_WARNINGS?: unknown };
  if (global.AI_SDK_LOG_WARNINGS === undefined) global.AI_SDK_LOG_WARNINGS = false;
}

/**
 * A LanguageModel over an AI SDK model: streams each attempt, maps errors, applies the one retry and
 * timeout policy, and reports aborted or truncated replies as such (never as 'stop').
 */
export function createSdkLanguageModel(options: SdkModelOptions): LanguageModel {
  const clock = options.clock ?? SYSTEM_CLOCK;
  const context: ProviderCallContext = {
    provider: options.provider,
    modelId: options.modelId,
    secrets: [options.apiKey],
    ...(options.apiKeyEnv ? { apiKeyEnv: options.apiKeyEnv } : {}),
  };
  // Once a server has answered with a whole JSON body, silence until the reply is done is its normal
  // way: the idle limit would end every long reply, so only the request limit applies from then on.
  let unstreamedServer = false;
  async function complete(request: CompletionRequest): Promise<CompletionResult> {
    silenceSdkWarnings();
    const started = performance.now();
    let attempts = 0;
    // A caller's allowance (a spend budget) lowers the attempt limit; it never raises the policy's own.
    const cap = request.maxAttempts !== undefined && Number.isFinite(request.maxAttempts) ? Math.max(1, Math.floor(request.maxAttempts)) : Infinity;
    const settings = cap < options.retry.maxAttempts ? { ...options.retry, maxAttempts: cap } : options.retry;
    let failedUsage: TokenUsage | null = null;
    let reply: AttemptReply;
    try {
      reply = await withRetries(
        async (attempt): Promise<AttemptReply> => {
          if (request.signal?.aborted) return { text: '', finishReason: 'aborted', usage: { inputTokens: null, outputTokens: null }, warnings: [] };
          attempts = attempt;
          const limits = unstreamedServer ? { ...options.retry, idleTimeoutMs: options.retry.requestTimeoutMs } : options.retry;
          const watchdog = startAttemptWatchdog(limits, request.signal);
          try {
            const received: { last?: ReceivedReply } = {};
            const model = options.createSdkModel(trackingFetch(watchdog.touch, options.fetch, received));
            const outcome = await streamAttempt(model, request, watchdog.signal);
            const state = { callerAborted: request.signal?.aborted === true, timedOut: watchdog.timedOut(), ...(received.last ? { received: received.last } : {}) };
            const judged = judgeAttempt(outcome, state, { ...context, now: clock.now() }, limits);
            if (judged.unstreamed) {
              unstreamedServer = true;
              request.onText?.(judged.text);
            }
            return judged;
          } catch (error) {
            if (error instanceof ProviderError && error.usage) failedUsage = addUsage(failedUsage, error.usage);
            throw error;
          } finally {
            watchdog.dispose();
          }
        },
        { settings, clock, ...(request.signal ? { signal: request.signal } : {}), ...(request.onRetry ? { onRetry: request.onRetry } : {}) },
      );
    } catch (error) {
      if (error instanceof ProviderError) {
        error.usage = failedUsage;
        error.attemptsCapped = error.isRetryable && settings !== options.retry && error.attempts >= settings.maxAttempts;
      }
      throw error;
    }
    const { warnings, unstreamed, ...rest } = reply;
    const usage = failedUsage ? addUsage(rest.usage, failedUsage) : rest.usage;
    return {
      ...rest,
      usage,
      durationMs: performance.now() - started,
      attempts,
      ...(failedUsage ? { failedAttemptsUsage: failedUsage } : {}),
      ...(warnings.length > 0 ? { warnings } : {}),
      ...(unstreamed ? { unstreamed: true } : {}),
    };
  }

  return {
    provider: options.provider,
    modelId: options.modelId,
    contextWindow: options.contextWindow,
    maxOutputTokens: options.maxOutputTokens,
    complete,
  };
}
