import { describe, expect, it } from 'vitest';
import type { RetryEvent } from './language-model.js';
import { ProviderError, type ProviderErrorFields } from './provider-error.js';
import { DEFAULT_RETRY_SETTINGS, retryDelay, retrySettings, SYSTEM_CLOCK, withRetries } from './retry-policy.js';
import { recordingClock } from './test-support/recording-clock.js';

const failure = (fields: Partial<ProviderErrorFields> = {}) =>
  new ProviderError('openai:gpt-4.1: HTTP 503', { kind: 'http', provider: 'openai', modelId: 'gpt-4.1', statusCode: 503, isRetryable: true, ...fields });

describe('retryDelay', () => {
  const settings = retrySettings();

  it('backs off exponentially from 1 s, capped, with no spread when random() is 0.5', () => {
    const clock = recordingClock(0.5);
    expect([1, 2, 3].map((retry) => retryDelay(failure(), retry, settings, clock))).toEqual([1000, 2000, 4000]);
    const capped = retrySettings({ maxAttempts: 20, maxDelayMs: 5000 });
    expect(retryDelay(failure(), 10, capped, clock)).toBe(5000);
  });

  it('spreads each delay by ±jitter', () => {
    expect(retryDelay(failure(), 2, settings, recordingClock(0))).toBe(1500);
    expect(retryDelay(failure(), 2, settings, recordingClock(1))).toBe(2500);
  });

  it('uses Retry-After instead of backoff, and refuses to wait longer than maxRetryAfterMs', () => {
    const clock = recordingClock();
    expect(retryDelay(failure({ retryAfterMs: 0 }), 1, settings, clock)).toBe(0);
    expect(retryDelay(failure({ retryAfterMs: 7000 }), 3, settings, clock)).toBe(7000);
    expect(retryDelay(failure({ retryAfterMs: 10 * 60_000 }), 1, settings, clock)).toBeUndefined();
  });

  it('never retries a non-retryable error or past maxAttempts', () => {
    const clock = recordingClock();
    expect(retryDelay(failure({ isRetryable: false, statusCode: 400 }), 1, settings, clock)).toBeUndefined();
    expect(retryDelay(failure(), DEFAULT_RETRY_SETTINGS.maxAttempts, settings, clock)).toBeUndefined();
  });
});

describe('retrySettings', () => {
  it('merges overrides and rejects nonsense', () => {
    expect(retrySettings({ maxAttempts: 1 }).maxAttempts).toBe(1);
    expect(() => retrySettings({ maxAttempts: 0 })).toThrow(/maxAttempts/);
    expect(() => retrySettings({ idleTimeoutMs: -1 })).toThrow(/idleTimeoutMs/);
    expect(() => retrySettings({ jitter: Number.NaN })).toThrow(/jitter/);
  });
});

describe('withRetries', () => {
  it('retries retryable ProviderErrors, reporting each retry, until success', async () => {
    const clock = recordingClock();
    const events: RetryEvent[] = [];
    const seen: number[] = [];
    const value = await withRetries(
      async (attempt) => {
        seen.push(attempt);
        if (attempt === 1) throw failure({ statusCode: 429, retryAfterMs: 1500 });
        if (attempt === 2) throw failure({ kind: 'connection', statusCode: 200, partialTextLength: 40 });
        return 'done';
      },
      { settings: retrySettings(), clock, onRetry: (event) => events.push(event) },
    );
    expect(value).toBe('done');
    expect(seen).toEqual([1, 2, 3]);
    expect(clock.delays).toEqual([1500, 2000]);
    expect(events).toEqual([
      { attempt: 1, delayMs: 1500, reason: 'openai:gpt-4.1: HTTP 503', statusCode: 429, discardedText: false, maxAttempts: 4 },
      { attempt: 2, delayMs: 2000, reason: 'openai:gpt-4.1: HTTP 503', statusCode: 200, discardedText: true, maxAttempts: 4 },
    ]);
  });

  it('a Retry-After longer than it waits is not waited for, and the message says so (a spent quota reads as such)', async () => {
    const clock = recordingClock();
    const quota = () => new ProviderError('openai:gpt-4.1: HTTP 429: You exceeded your current quota.', { kind: 'http', provider: 'openai', modelId: 'gpt-4.1', statusCode: 429, isRetryable: true, retryAfterMs: 3_600_000 });
    const error = (await withRetries(() => Promise.reject(quota()), { settings: retrySettings(), clock }).catch((caught) => caught)) as ProviderError;
    expect(error.attempts).toBe(1);
    expect(clock.delays).toEqual([]);
    expect(error.message).toBe('openai:gpt-4.1: HTTP 429: You exceeded your current quota (not retried: the server asks to wait 60 min, longer than the 2 min backsmith waits; try again later, or raise retry.maxRetryAfterMs in the configuration).');
    expect(error.describe()).toBe(error.message);
  });

  it('rethrows the last error with the attempt count', async () => {
    const clock = recordingClock();
    const error = await withRetries(() => Promise.reject(failure()), { settings: retrySettings({ maxAttempts: 3 }), clock }).catch((caught) => caught);
    expect(error).toMatchObject({ attempts: 3, statusCode: 503 });
    expect(clock.delays).toEqual([1000, 2000]);
  });

  it('does not retry other errors (bugs) nor after the caller cancelled', async () => {
    const clock = recordingClock();
    await expect(withRetries(() => Promise.reject(new TypeError('bug')), { settings: retrySettings(), clock })).rejects.toThrow('bug');
    const controller = new AbortController();
    controller.abort();
    const error = await withRetries(() => Promise.reject(failure()), { settings: retrySettings(), clock, signal: controller.signal }).catch((caught) => caught);
    expect(error).toMatchObject({ attempts: 1 });
    expect(clock.delays).toEqual([]);
  });
});

describe('SYSTEM_CLOCK.sleep', () => {
  it('waits, and returns early when the signal aborts', async () => {
    const started = performance.now();
    await SYSTEM_CLOCK.sleep(20);
    expect(performance.now() - started).toBeGreaterThanOrEqual(15);
    const controller = new AbortController();
    const sleeping = SYSTEM_CLOCK.sleep(60_000, controller.signal);
    controller.abort();
    await sleeping;
    const aborted = performance.now();
    await SYSTEM_CLOCK.sleep(60_000, controller.signal);
    expect(performance.now() - aborted).toBeLessThan(50);
  });
});
