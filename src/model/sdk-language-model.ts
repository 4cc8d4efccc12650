import type { LanguageModel as SdkLanguageModel } from 'ai';
import { startAttemptWatchdog } from './attempt-watchdog.js';
import type { CompletionRequest, CompletionResult, LanguageModel } from './language-model.js';
import { mapProviderError, type ProviderCallContext } from './map-provider-error.js';
import { ProviderError } from './provider-error.js';
import { SYSTEM_CLOCK, withRetries, type RetryClock, type RetrySettings } from './retry-policy.js';
import { streamAttempt } from './stream-attempt.js';
import { trackingFetch, type FetchFunction } from './tracking-fetch.js';

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
  const label = `${options.provider}:${options.modelId}`;

  async function complete(request: CompletionRequest): Promise<CompletionResult> {
    silenceSdkWarnings();
    const started = performance.now();
    let attempts = 0;
    const result = await withRetries(
      async (attempt) => {
        if (request.signal?.aborted) {
          return { text: '', finishReason: 'aborted' as const, usage: { inputTokens: null, outputTokens: null }, warnings: [] };
        }
        attempts = attempt;
        const watchdog = startAttemptWatchdog(options.retry, request.signal);
        try {
          const model = options.createSdkModel(trackingFetch(watchdog.touch, options.fetch));
          const outcome = await streamAttempt(model, request, watchdog.signal);
          const failed = { ...context, partialTextLength: outcome.text.length, now: clock.now() };
          if (request.signal?.aborted) {
            return { text: outcome.text, finishReason: 'aborted' as const, usage: outcome.finish?.usage ?? { inputTokens: null, outputTokens: null }, warnings: outcome.warnings };
          }
          const timeout = watchdog.timedOut();
          if (timeout) {
            const limit = timeout === 'idle' ? `no data for ${options.retry.idleTimeoutMs} ms` : `no complete reply within ${options.retry.requestTimeoutMs} ms`;
            throw new ProviderError(`${label}: ${timeout} timeout (${limit}).`, { ...failed, kind: 'timeout', isRetryable: true });
          }
          if (outcome.error !== undefined) throw mapProviderError(outcome.error, failed);
          if (outcome.aborted || !outcome.finish || (outcome.finish.reason === 'other' && outcome.finish.providerReason === undefined)) {
            // The stream ended without the provider's finish event: the connection closed early.
            throw new ProviderError(`${label}: the reply ended before the provider's finish event (connection closed early).`, {
              ...failed,
              kind: 'connection',
              isRetryable: true,
            });
          }
          return { text: outcome.text, finishReason: outcome.finish.reason, providerFinishReason: outcome.finish.providerReason, usage: outcome.finish.usage, warnings: outcome.warnings };
        } finally {
          watchdog.dispose();
        }
      },
      { settings: options.retry, clock, ...(request.signal ? { signal: request.signal } : {}), ...(request.onRetry ? { onRetry: request.onRetry } : {}) },
    );
    const { providerFinishReason, warnings, ...rest } = result as typeof result & { providerFinishReason?: string };
    return {
      ...rest,
      durationMs: performance.now() - started,
      attempts,
      ...(providerFinishReason === undefined ? {} : { providerFinishReason }),
      ...(warnings.length > 0 ? { warnings } : {}),
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
