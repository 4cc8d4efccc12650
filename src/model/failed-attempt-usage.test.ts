import { afterEach, describe, expect, it } from 'vitest';
import { ProviderError } from './provider-error.js';
import { resolveModel } from './resolve-model.js';
import { anthropicStreamEvents, startAnthropicServer } from './test-support/anthropic-wire.js';
import type { FakeServer } from './test-support/fake-http-server.js';
import { recordingClock } from './test-support/recording-clock.js';

// An Anthropic stream that reports its input tokens (message_start) and then fails with an error
// event: the tokens were charged, so the run must count them, retried or not.
const overloadedMidStream = () => {
  const events = anthropicStreamEvents('def f():\n    return 1\n', { stopReason: null, inputTokens: 700 });
  events.push(`event: error\ndata: ${JSON.stringify({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } })}`);
  return { events };
};
const env = (server: FakeServer) => ({ ANTHROPIC_API_KEY: 'sk-ant-test-0123456789', ANTHROPIC_BASE_URL: server.baseUrl });
const request = { system: 'Write modules.', messages: [{ role: 'user' as const, content: 'Write f.' }] };

describe('tokens of failed attempts', () => {
  let server: FakeServer | undefined;
  afterEach(async () => server?.close());

  it('are added to the usage of the reply that finally came, and kept apart (a streamed overloaded_error is retried)', async () => {
    server = await startAnthropicServer([overloadedMidStream(), { events: anthropicStreamEvents('x = 1\n', { inputTokens: 700, outputTokens: 5 }) }]);
    const model = resolveModel('anthropic:claude-sonnet-4-5', { env: env(server), clock: recordingClock() });
    const result = await model.complete(request);
    expect(server.requests).toHaveLength(2);
    expect(result.attempts).toBe(2);
    const failed = result.failedAttemptsUsage;
    expect(failed).toEqual({ inputTokens: 700, outputTokens: 1 });
    expect(result.usage).toEqual({ inputTokens: 1400, outputTokens: 6 });
  });

  it('are carried by the error when every attempt fails', async () => {
    server = await startAnthropicServer([overloadedMidStream(), overloadedMidStream()]);
    const model = resolveModel('anthropic:claude-sonnet-4-5', { env: env(server), clock: recordingClock(), retry: { maxAttempts: 2 } });
    const error = (await model.complete(request).catch((caught: unknown) => caught)) as ProviderError;
    expect(error).toBeInstanceOf(ProviderError);
    expect(error.attempts).toBe(2);
    expect(server.requests).toHaveLength(2);
    expect(error.usage).toEqual({ inputTokens: 1400, outputTokens: 2 });
    expect(error.message).toMatch(/the provider reported an error mid-reply: overloaded_error: Overloaded \(gave up after 2 requests: the first and 1 retry\)$/);
  });
});
