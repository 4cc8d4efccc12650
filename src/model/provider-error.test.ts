import { describe, expect, it } from 'vitest';
import { ProviderError, type ProviderErrorFields } from './provider-error.js';

const FIELDS: ProviderErrorFields = { kind: 'http', provider: 'openai', modelId: 'm', isRetryable: true };

describe('ProviderError.noteAttempts', () => {
  it.each([
    ['a sentence: the count goes inside its full stop', 'HTTP 500: the server failed. Time limit reached.', 3, 'HTTP 500: the server failed. Time limit reached (gave up after 3 requests: the first and 2 retries).'],
    ['no full stop: the count goes after it', 'overloaded_error: Overloaded', 2, 'overloaded_error: Overloaded (gave up after 2 requests: the first and 1 retry)'],
    ['one attempt: no count', 'HTTP 401: bad key.', 1, 'HTTP 401: bad key.'],
  ])('%s', (_case, message, attempts, expected) => {
    const error = new ProviderError(message, FIELDS);
    error.noteAttempts(attempts);
    error.noteAttempts(attempts);
    expect(error.message).toBe(expected);
  });
});
