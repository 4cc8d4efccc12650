import type { RetryEvent } from './language-model.js';
import { ProviderError } from './provider-error.js';

/** The one retry, backoff and timeout policy every provider adapter uses. */
export interface RetrySettings {
  /** HTTP attempts per completion, the first included (1 = never retry). */
  maxAttempts: number;
  /** First backoff delay; doubles (times `backoffFactor`) on each retry. */
  initialDelayMs: number;
  backoffFactor: number;
  /** Cap of one backoff delay. */
  maxDelayMs: number;
  /** Random spread of each backoff delay, as a fraction (0.25 = ±25 %). */
  jitter: number;
  /** A `Retry-After` longer than this is not waited for: the error is reported instead. */
  maxRetryAfterMs: number;
  /** Limit of one attempt, from request to last byte. */
  requestTimeoutMs: number;
  /** Limit of silence (no bytes received) within one attempt, before the first byte included. */
  idleTimeoutMs: number;
}

/**
 * Defaults: 4 attempts, 1 s → 2 s → 4 s (±25 %), Retry-After honoured up to 2 min; 15 min per attempt
 * (an 800-line module from a slow local model), 2 min of silence (a local model reading a long prompt).
 */
export const DEFAULT_RETRY_SETTINGS: Readonly<RetrySettings> = Object.freeze({
  maxAttempts: 4,
  initialDelayMs: 1000,
  backoffFactor: 2,
  maxDelayMs: 30_000,
  jitter: 0.25,
  maxRetryAfterMs: 120_000,
  requestTimeoutMs: 15 * 60_000,
  idleTimeoutMs: 2 * 60_000,
});

/** Time and chance, injectable so tests never sleep for real. */
export interface RetryClock {
  now(): number;
  random(): number;
  /** Waits `ms`, resolving early (never rejecting) when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The real clock. */
export const SYSTEM_CLOCK: RetryClock = {
  now: () => Date.now(),
  random: () => Math.random(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve) => {
      if (signal?.aborted || ms <= 0) return resolve();
      const done = (): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal?.addEventListener('abort', done, { once: true });
    }),
};

/** Merges partial settings over the defaults and checks them. */
export function retrySettings(overrides: Partial<RetrySettings> = {}): RetrySettings {
  const settings = { ...DEFAULT_RETRY_SETTINGS, ...overrides };
  for (const [name, value] of Object.entries(settings)) {
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`retry setting ${name} must be a number ≥ 0, got ${value}`);
  }
  if (settings.maxAttempts < 1 || !Number.isInteger(settings.maxAttempts)) throw new RangeError('retry setting maxAttempts must be an integer ≥ 1');
  return settings;
}

/**
 * The delay before retry number `retry` (1 = the first retry) after `error`, or undefined when the
 * error must not be retried: not retryable, attempts used up, or a Retry-After beyond the limit.
 */
export function retryDelay(error: ProviderError, retry: number, settings: RetrySettings, clock: RetryClock): number | undefined {
  if (!error.isRetryable || retry >= settings.maxAttempts) return undefined;
  if (error.retryAfterMs !== undefined) {
    return error.retryAfterMs <= settings.maxRetryAfterMs ? error.retryAfterMs : undefined;
  }
  const base = Math.min(settings.maxDelayMs, settings.initialDelayMs * settings.backoffFactor ** (retry - 1));
  const spread = base * settings.jitter * (2 * clock.random() - 1);
  return Math.max(0, Math.round(base + spread));
}

/** What `withRetries` needs besides the operation. */
export interface RetryOptions {
  settings: RetrySettings;
  clock: RetryClock;
  /** The caller's cancel signal: no retry starts once it has fired. */
  signal?: AbortSignal;
  onRetry?: (event: RetryEvent) => void;
}

/**
 * Runs `operation(attempt)` until it succeeds, throws a non-retryable error, or attempts run out.
 * Only ProviderErrors are retried (adapters map SDK errors first); the last error is rethrown with
 * the attempt count. A cancelled caller gets the operation's own answer (it sees the aborted signal).
 */
export async function withRetries<T>(operation: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation(attempt);
    } catch (error) {
      if (!(error instanceof ProviderError)) throw error;
      error.attempts = attempt;
      const delayMs = options.signal?.aborted ? undefined : retryDelay(error, attempt, options.settings, options.clock);
      if (delayMs === undefined) {
        const waitTooLong = error.isRetryable && error.retryAfterMs !== undefined && error.retryAfterMs > options.settings.maxRetryAfterMs;
        if (waitTooLong && attempt < options.settings.maxAttempts && !options.signal?.aborted) error.noteWaitTooLong(options.settings.maxRetryAfterMs);
        error.noteAttempts(attempt);
        throw error;
      }
      options.onRetry?.({
        attempt,
        delayMs,
        reason: error.message,
        statusCode: error.statusCode,
        discardedText: error.partialTextLength > 0,
        maxAttempts: options.settings.maxAttempts,
      });
      await options.clock.sleep(delayMs, options.signal);
    }
  }
}
