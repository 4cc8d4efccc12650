import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { completeWithContinuation } from './continue-completion.js';
import type { CompletionRequest, RetryEvent } from './language-model.js';
import { resolveModel } from './resolve-model.js';
import { startAnthropicServer } from './test-support/anthropic-wire.js';
import type { FakeServer, ScriptedResponse } from './test-support/fake-http-server.js';
import { startOpenAiCompatibleServer } from './test-support/openai-compatible-wire.js';
import { startOpenAiServer } from './test-support/openai-wire.js';
import { recordingClock } from './test-support/recording-clock.js';
import { wireFixture } from './test-support/wire-fixture.js';

/** A recognisable fake key: if it shows up anywhere below, a key leaked. */
const CANARY = 'LEAKCANARY7f3a9c2e51d04b68';

const providers = [
  { name: 'openai', modelId: 'openai:gpt-4.1', key: `sk-proj-${CANARY}`, start: startOpenAiServer, env: (server: FakeServer, key: string) => ({ OPENAI_API_KEY: key, OPENAI_BASE_URL: server.baseUrl }), header: 'authorization' },
  { name: 'anthropic', modelId: 'anthropic:claude-sonnet-4-20250514', key: `sk-ant-api03-${CANARY}`, start: startAnthropicServer, env: (server: FakeServer, key: string) => ({ ANTHROPIC_API_KEY: key, ANTHROPIC_BASE_URL: server.baseUrl }), header: 'x-api-key' },
  { name: 'openai-compatible', modelId: 'openai-compatible:qwen', key: CANARY, start: (responses: ScriptedResponse[]) => startOpenAiCompatibleServer(responses), env: (server: FakeServer, key: string) => ({ OPENAI_COMPATIBLE_API_KEY: key, OPENAI_COMPATIBLE_BASE_URL: server.baseUrl }), header: 'authorization' },
] as const;

/** Every way an error body may echo the key back (proxies and gateways do). */
const echo = (key: string): ScriptedResponse => ({
  status: 401,
  headers: { 'www-authenticate': `Bearer realm="${key}"` },
  body: JSON.stringify({ error: { message: `Invalid key ${key}; header was "Authorization: Bearer ${key}" / x-api-key: ${key}`, type: 'invalid_request_error' } }),
});

describe.each(providers)('API keys never leak: $name', (provider) => {
  const output: string[] = [];
  let server: FakeServer | undefined;
  beforeEach(() => {
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void output.push(args.map((arg) => inspect(arg, { depth: 8 })).join(' ')));
    }
    for (const stream of [process.stdout, process.stderr]) {
      const write = stream.write.bind(stream);
      vi.spyOn(stream, 'write').mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
        output.push(String(chunk));
        return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
      }) as typeof stream.write);
    }
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await server?.close();
    output.length = 0;
  });

  it('appears in no result, error, retry event, model object or output line', async () => {
    const dir = provider.name === 'anthropic' ? 'anthropic' : provider.name === 'openai' ? 'openai' : 'openai-compatible';
    const serverError = provider.name === 'anthropic' ? 'overloaded.http' : 'server-error.http';
    server = await provider.start([
      wireFixture(`${dir}/rate-limited.http`),
      wireFixture(`${dir}/fenced-code.sse`), // success after a retry
      wireFixture(`${dir}/length-limit.sse`),
      wireFixture(`${dir}/fenced-code.sse`), // the continuation
      echo(provider.key), // 401 echoing the key
      wireFixture(`${dir}/${serverError}`),
      wireFixture(`${dir}/dropped-mid-stream.sse`), // retries exhausted on drops
      wireFixture(`${dir}/fenced-code.sse`, { stallAfterEvents: 4 }), // idle timeout
      wireFixture(`${dir}/fenced-code.sse`, { stallAfterEvents: 8 }), // cancelled by the caller
    ]);
    const model = resolveModel(provider.modelId, { env: provider.env(server, provider.key), clock: recordingClock(), retry: { maxAttempts: 2 } });
    // Same server and key, a short idle timeout and no retries: for the stalled stream below.
    const impatient = resolveModel(provider.modelId, { env: provider.env(server, provider.key), retry: { maxAttempts: 1, idleTimeoutMs: 150 } });
    const events: RetryEvent[] = [];
    const request: CompletionRequest = { system: 'sys', messages: [{ role: 'user', content: 'write it' }], onRetry: (event) => events.push(event) };
    const captured: unknown[] = [];
    const attempt = async (run: () => Promise<unknown>) => captured.push(await run().catch((error: unknown) => error));

    await attempt(() => model.complete(request));
    await attempt(() => completeWithContinuation(model, request));
    await attempt(() => model.complete(request)); // 401
    await attempt(() => model.complete(request)); // 5xx then drop: gives up
    await attempt(() => impatient.complete(request)); // idle timeout
    const controller = new AbortController();
    await attempt(() => model.complete({ ...request, signal: controller.signal, onText: () => controller.abort() }));
    const closed = server.baseUrl;
    const server0 = server;
    await server.close();
    server = undefined;
    const unreachable = resolveModel(provider.modelId, { env: provider.env({ baseUrl: closed } as FakeServer, provider.key), clock: recordingClock() });
    await attempt(() => unreachable.complete(request));

    const summary = captured.map((value) => (value instanceof Error ? `${(value as { kind?: string }).kind}:${(value as { statusCode?: number }).statusCode}` : (value as { finishReason: string }).finishReason));
    expect(summary).toEqual(['stop', 'stop', 'http:401', 'connection:200', 'timeout:null', 'aborted', 'connection:null']);
    // The key really was sent, so its absence below means something.
    expect(String(server0.requests[0]?.headers[provider.header])).toContain(CANARY);
    const everything = [
      ...captured.flatMap((value) => [JSON.stringify(value), inspect(value, { depth: Infinity, showHidden: true })]),
      ...captured.flatMap((value) => (value instanceof Error ? [value.message, value.stack ?? '', String(value)] : [])),
      JSON.stringify(events),
      ...[model, impatient].flatMap((value) => [inspect(value, { depth: Infinity, showHidden: true }), JSON.stringify(value)]),
      ...output,
    ].join('\n');
    expect(everything.length).toBeGreaterThan(1000);
    expect(everything).not.toContain(CANARY);
    expect(everything).toContain('[redacted]');
  });
});
