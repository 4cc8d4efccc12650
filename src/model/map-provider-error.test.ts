import { APICallError } from 'ai';
import { describe, expect, it } from 'vitest';
import { isRetryableStatus, mapProviderError } from './map-provider-error.js';
import { ProviderError } from './provider-error.js';

const context = { provider: 'openai', modelId: 'gpt-4.1', secrets: ['sk-live-SECRET-0123456789'], apiKeyEnv: 'OPENAI_API_KEY', now: 0 };
const apiError = (fields: Partial<ConstructorParameters<typeof APICallError>[0]>) =>
  new APICallError({ message: 'failed', url: 'https://api.openai.com/v1/chat/completions?key=sk-live-SECRET-0123456789', requestBodyValues: {}, ...fields });

describe('isRetryableStatus', () => {
  it('retries 408, 409, 429 and 5xx only', () => {
    expect([400, 401, 403, 404, 408, 409, 422, 429, 500, 502, 503, 529].filter(isRetryableStatus)).toEqual([408, 409, 429, 500, 502, 503, 529]);
  });
});

describe('mapProviderError', () => {
  it('maps an HTTP error with the provider message, Retry-After and a redacted url and body', () => {
    const error = mapProviderError(
      apiError({
        statusCode: 429,
        responseHeaders: { 'retry-after': '7' },
        responseBody: JSON.stringify({ error: { message: 'Slow down, sk-live-SECRET-0123456789' } }),
        isRetryable: true,
      }),
      context,
    );
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ kind: 'http', statusCode: 429, isRetryable: true, retryAfterMs: 7000, url: 'https://api.openai.com/v1/chat/completions' });
    expect(error.message).toBe('openai:gpt-4.1: HTTP 429 from https://api.openai.com/v1/chat/completions: Slow down, [redacted].');
    expect(JSON.stringify(error)).not.toContain('SECRET');
  });

  it('ends the provider message with one full stop before the hint (no "api-keys.. Check")', () => {
    const body = JSON.stringify({ error: { message: 'Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.' } });
    const error = mapProviderError(apiError({ statusCode: 401, responseBody: body }), context);
    expect(error.message).toBe('openai:gpt-4.1: HTTP 401 from https://api.openai.com/v1/chat/completions: Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys. Check OPENAI_API_KEY.');
  });

  it.each([
    ['Anthropic\'s output limit', { type: 'error', error: { type: 'invalid_request_error', message: 'max_tokens: 16384 > 4096, which is the maximum allowed number of output tokens for claude-3-haiku-20240307' } }, "Pass --max-output-tokens within the model's output limit."],
    ['OpenAI\'s output limit', { error: { message: 'max_tokens is too large: 32768. This model supports at most 16384 completion tokens, whereas you provided 32768.', type: 'invalid_request_error' } }, "Pass --max-output-tokens within the model's output limit."],
    ['vLLM\'s context length', { object: 'error', message: "This model's maximum context length is 8192 tokens. However, you requested 27594 tokens (11210 in the messages, 16384 in the completion).", type: 'BadRequestError' }, 'Pass a smaller --max-output-tokens, or start the server with a larger context (llama.cpp -c, vLLM --max-model-len, Ollama OLLAMA_CONTEXT_LENGTH).'],
  ])('a 400 about %s says what to change', (_name, body, hint) => {
    const error = mapProviderError(apiError({ statusCode: 400, responseBody: JSON.stringify(body) }), context);
    expect(error.message.endsWith(`. ${hint}`)).toBe(true);
    expect(error.isRetryable).toBe(false);
  });

  it('overrides the SDK on what to retry: 400 no, 409 yes', () => {
    expect(mapProviderError(apiError({ statusCode: 400, isRetryable: true }), context).isRetryable).toBe(false);
    expect(mapProviderError(apiError({ statusCode: 409, isRetryable: false }), context).isRetryable).toBe(true);
  });

  it('treats a failure after a 200 as a dropped connection (retryable)', () => {
    const cause = Object.assign(new TypeError('terminated'), { cause: { code: 'UND_ERR_SOCKET' } });
    const error = mapProviderError(apiError({ message: 'Failed to process successful response', statusCode: 200, cause }), { ...context, partialTextLength: 120 });
    expect(error).toMatchObject({ kind: 'connection', isRetryable: true, statusCode: 200, partialTextLength: 120 });
    expect(error.message).toMatch(/dropped mid-reply \(UND_ERR_SOCKET\)/);
  });

  it('does not retry an unreachable server, and says so', () => {
    const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:11434'), { code: 'ECONNREFUSED' });
    const error = mapProviderError(apiError({ message: 'Cannot connect to API', cause }), context);
    expect(error).toMatchObject({ kind: 'connection', isRetryable: false });
    expect(error.message).toMatch(/cannot connect to .*\(ECONNREFUSED\)\. Is the server running/);
  });

  it('does not retry an https:// base URL at a plain-http port, nor a port fetch refuses, and says what to change', () => {
    const tls = Object.assign(new Error('write EPROTO 40F8:error:0A00010B:SSL routines:ssl3_get_record:wrong version number'), { code: 'ERR_SSL_WRONG_VERSION_NUMBER' });
    const wrongScheme = mapProviderError(apiError({ message: 'Cannot connect to API', url: 'https://127.0.0.1:8080/v1/chat/completions', cause: tls }), context);
    expect(wrongScheme).toMatchObject({ kind: 'connection', isRetryable: false });
    expect(wrongScheme.message).toBe('openai:gpt-4.1: https://127.0.0.1:8080/v1/chat/completions does not answer in TLS (ERR_SSL_WRONG_VERSION_NUMBER): the base URL probably wants http://, not https://.');
    const badPort = mapProviderError(apiError({ message: 'Cannot connect to API', url: 'http://127.0.0.1:6000/v1/chat/completions', cause: new Error('bad port') }), context);
    expect(badPort).toMatchObject({ kind: 'connection', isRetryable: false });
    expect(badPort.message).toBe("openai:gpt-4.1: Node's fetch refuses port 6000 (http://127.0.0.1:6000/v1/chat/completions), one of the ports browsers block: run the server on another port.");
  });

  it('maps anything else to a non-retryable response error, redacted', () => {
    const error = mapProviderError(new SyntaxError('Unexpected token in sk-live-SECRET-0123456789'), context);
    expect(error).toMatchObject({ kind: 'response', isRetryable: false });
    expect(error.message).not.toContain('SECRET');
  });
});
