import { afterEach, describe, expect, it } from 'vitest';
import { judgeAttempt } from './judge-attempt.js';
import { ProviderError } from './provider-error.js';
import { resolveModel } from './resolve-model.js';
import { retrySettings } from './retry-policy.js';
import type { AttemptOutcome } from './stream-attempt.js';
import { anthropicStreamEvents, startAnthropicServer } from './test-support/anthropic-wire.js';
import type { FakeServer } from './test-support/fake-http-server.js';
import { openAiStreamEvents, startOpenAiServer } from './test-support/openai-wire.js';
import { recordingClock } from './test-support/recording-clock.js';

const context = { provider: 'openai', modelId: 'gpt-4.1', secrets: [] };
const limits = retrySettings({ idleTimeoutMs: 500, requestTimeoutMs: 9000 });
const usage = { inputTokens: 10, outputTokens: 20 };
const outcome = (fields: Partial<AttemptOutcome>): AttemptOutcome => ({ text: 'def f(', aborted: false, warnings: [], ...fields });
const calm = { callerAborted: false, timedOut: null };
const thrown = (run: () => unknown): ProviderError => {
  try {
    run();
  } catch (error) {
    return error as ProviderError;
  }
  throw new Error('expected a ProviderError');
};

describe('judgeAttempt', () => {
  it('passes complete and length-cut replies through with the provider reason', () => {
    expect(judgeAttempt(outcome({ finish: { reason: 'stop', providerReason: 'stop', usage } }), calm, context, limits)).toMatchObject({ finishReason: 'stop', providerFinishReason: 'stop', usage });
    expect(judgeAttempt(outcome({ finish: { reason: 'length', providerReason: 'max_tokens', usage } }), calm, context, limits).finishReason).toBe('length');
  });

  it("calls a cancelled stream 'aborted' with its partial text, before anything else", () => {
    const reply = judgeAttempt(outcome({ aborted: true, error: new Error('x') }), { callerAborted: true, timedOut: null }, context, limits);
    expect(reply).toMatchObject({ text: 'def f(', finishReason: 'aborted' });
  });

  it('turns the silent endings of the SDK into retryable errors', () => {
    for (const silent of [outcome({}), outcome({ aborted: true }), outcome({ finish: { reason: 'other', providerReason: undefined, usage } })]) {
      expect(thrown(() => judgeAttempt(silent, calm, context, limits))).toMatchObject({ kind: 'connection', isRetryable: true, partialTextLength: 6 });
    }
    expect(thrown(() => judgeAttempt(outcome({ aborted: true }), { callerAborted: false, timedOut: 'idle' }, context, limits))).toMatchObject({
      kind: 'timeout',
      message: 'openai:gpt-4.1: idle timeout (no data for 500 ms).',
    });
  });
});

describe('a stream that ends cleanly without its finish event is retried, not taken as complete', () => {
  let server: FakeServer | undefined;
  afterEach(() => server?.close());

  it('openai: no finish_reason chunk and no [DONE]', async () => {
    server = await startOpenAiServer([{ events: openAiStreamEvents('def register(self, email', { finishReason: null }) }, { events: openAiStreamEvents('def register(self, email): ...\n') }]);
    const model = resolveModel('openai:gpt-4.1', { env: { OPENAI_API_KEY: 'sk-test-0123456789', OPENAI_BASE_URL: server.baseUrl }, clock: recordingClock() });
    const result = await model.complete({ system: 's', messages: [{ role: 'user', content: 'u' }] });
    expect(result).toMatchObject({ text: 'def register(self, email): ...\n', finishReason: 'stop', attempts: 2 });
  });

  it('anthropic: no message_delta and no message_stop', async () => {
    server = await startAnthropicServer([{ events: anthropicStreamEvents('class A:', { stopReason: null }) }, { events: anthropicStreamEvents('class A:\n    pass\n') }]);
    const model = resolveModel('anthropic:claude-sonnet-4-0', { env: { ANTHROPIC_API_KEY: 'sk-ant-test-0123456789', ANTHROPIC_BASE_URL: server.baseUrl }, clock: recordingClock() });
    const result = await model.complete({ system: 's', messages: [{ role: 'user', content: 'u' }] });
    expect(result).toMatchObject({ text: 'class A:\n    pass\n', finishReason: 'stop', providerFinishReason: 'end_turn', attempts: 2 });
  });
});
