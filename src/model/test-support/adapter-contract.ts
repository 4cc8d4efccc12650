import { afterEach, expect, it } from 'vitest';
import type { CompletionRequest, RetryEvent } from '../language-model.js';
import type { Environment } from '../provider-definition.js';
import { ProviderError } from '../provider-error.js';
import { resolveModel } from '../resolve-model.js';
import type { RetrySettings } from '../retry-policy.js';
import type { FakeServer, RecordedRequest, ScriptedResponse } from './fake-http-server.js';
import { recordingClock } from './recording-clock.js';
import { streamedText, wireFixture } from './wire-fixture.js';

/** What the shared adapter cases need to know about one provider. */
export interface AdapterContract {
  /** Folder under test-fixtures/wire. */
  fixtures: string;
  start(responses: ScriptedResponse[]): Promise<FakeServer>;
  /** `provider:model`. */
  modelId: string;
  /** Environment pointing the provider at the fake server. */
  env(server: FakeServer): Environment;
  /** Fixture of a retryable 5xx, e.g. `server-error.http`. */
  serverError: string;
  /** Delay the 429 fixture asks for, in ms. */
  rateLimitDelayMs: number;
  /** The provider's raw finish reasons for a complete and a length-cut reply. */
  providerStop: string;
  providerLength: string;
  /** Checks the outgoing request of the `request` below. */
  assertRequest(recorded: RecordedRequest): void;
}

/** The request every case sends. */
export const CONTRACT_REQUEST: CompletionRequest = {
  system: 'You are a senior Python backend engineer. Reply with one module.',
  messages: [{ role: 'user', content: 'Write accounts_service.py from this design.' }],
  maxOutputTokens: 4096,
  temperature: 0.2,
};

/** Registers the cases every provider adapter must pass against its fake server. */
export function adapterContract(contract: AdapterContract): void {
  const servers: FakeServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });
  const fixture = (name: string, overrides?: Partial<ScriptedResponse>): ScriptedResponse => wireFixture(`${contract.fixtures}/${name}`, overrides);
  async function setup(responses: ScriptedResponse[], retry: Partial<RetrySettings> = {}) {
    const server = await contract.start(responses);
    servers.push(server);
    const clock = recordingClock();
    const model = resolveModel(contract.modelId, { env: contract.env(server), clock, retry });
    const retries: RetryEvent[] = [];
    const deltas: string[] = [];
    const run = (extra: Partial<CompletionRequest> = {}) =>
      model.complete({ ...CONTRACT_REQUEST, onText: (delta) => deltas.push(delta), onRetry: (event) => retries.push(event), ...extra });
    return { server, clock, model, retries, deltas, run };
  }
  const fenced = streamedText(fixture('fenced-code.sse'));

  it('streams fenced code: text, deltas, usage, finish reason, one attempt; sends the expected request', async () => {
    const { server, run, deltas } = await setup([fixture('fenced-code.sse')]);
    const result = await run();
    expect(result).toMatchObject({ text: fenced, finishReason: 'stop', providerFinishReason: contract.providerStop, attempts: 1 });
    expect(result.text.startsWith('```python\n"""Account registration')).toBe(true);
    expect(result.usage).toEqual({ inputTokens: expect.any(Number), outputTokens: expect.any(Number) });
    expect(result.usage.outputTokens).toBeGreaterThan(0);
    expect(deltas.length).toBeGreaterThan(10);
    expect(deltas.join('')).toBe(result.text);
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
    expect(server.requests).toHaveLength(1);
    contract.assertRequest(server.requests[0]!);
  });

  it('streams prose around code unchanged (extraction is the sanitiser’s job)', async () => {
    const { run } = await setup([fixture('prose-and-code.sse')]);
    const result = await run();
    expect(result.text).toBe(streamedText(fixture('prose-and-code.sse')));
    expect(result.text).toMatch(/^Here is the complete module[\s\S]*```python[\s\S]*```\n\nNotes:/);
  });

  it('waits as Retry-After says after a 429, then succeeds', async () => {
    const { run, clock, retries, server } = await setup([fixture('rate-limited.http'), fixture('fenced-code.sse')]);
    const result = await run();
    expect(result).toMatchObject({ text: fenced, finishReason: 'stop', attempts: 2 });
    expect(clock.delays).toEqual([contract.rateLimitDelayMs]);
    expect(retries).toEqual([expect.objectContaining({ attempt: 1, statusCode: 429, delayMs: contract.rateLimitDelayMs, discardedText: false })]);
    expect(server.requests).toHaveLength(2);
  });

  it('backs off after a 5xx, then succeeds', async () => {
    const { run, clock } = await setup([fixture(contract.serverError), fixture('fenced-code.sse')]);
    const result = await run();
    expect(result).toMatchObject({ text: fenced, attempts: 2 });
    expect(clock.delays).toEqual([1000]);
  });

  it('retries a connection dropped mid-stream and says the streamed text was discarded', async () => {
    const { run, retries, deltas } = await setup([fixture('dropped-mid-stream.sse'), fixture('fenced-code.sse')]);
    const result = await run();
    expect(result).toMatchObject({ text: fenced, finishReason: 'stop', attempts: 2 });
    expect(retries).toEqual([expect.objectContaining({ attempt: 1, statusCode: 200, discardedText: true })]);
    expect(retries[0]?.reason).toMatch(/dropped/);
    expect(deltas.join('').endsWith(fenced)).toBe(true);
  });

  it("reports a reply cut by the length limit as 'length', never 'stop'", async () => {
    const { run } = await setup([fixture('length-limit.sse')]);
    const result = await run();
    expect(result).toMatchObject({ finishReason: 'length', providerFinishReason: contract.providerLength, attempts: 1 });
    expect(result.text).toBe(streamedText(fixture('length-limit.sse')));
  });

  it('gives up after maxAttempts with a typed error carrying status, url and attempts; retries announced = requests received - 1', async () => {
    const errors = Array.from({ length: 5 }, () => fixture(contract.serverError));
    const { server, run, clock, retries } = await setup(errors, { maxAttempts: 3 });
    const error = await run().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProviderError);
    const failure = error as ProviderError;
    expect(failure).toMatchObject({ kind: 'http', provider: contract.modelId.split(':')[0], isRetryable: true, attempts: 3, attemptsCapped: false });
    expect(failure.statusCode).toBeGreaterThanOrEqual(500);
    expect(failure.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/.+$/);
    expect(failure.message).toMatch(/\(gave up after 3 requests: the first and 2 retries\)\.?$/);
    expect(failure.message).not.toMatch(/\. \(gave up/);
    expect(failure.describe()).not.toMatch(/after 3 attempts/);
    expect(clock.delays).toEqual([1000, 2000]);
    expect(retries.map((event) => `${event.attempt} of ${event.maxAttempts! - 1}`)).toEqual(['1 of 2', '2 of 2']);
    expect(server.requests).toHaveLength(3);
  });

  it("stops retrying at the request's maxAttempts (a spend budget's allowance), marking the error as capped", async () => {
    const errors = Array.from({ length: 5 }, () => fixture(contract.serverError));
    const { server, run, retries } = await setup(errors, { maxAttempts: 4 });
    const error = (await run({ maxAttempts: 2 }).catch((caught: unknown) => caught)) as ProviderError;
    expect(error).toMatchObject({ attempts: 2, attemptsCapped: true });
    expect(retries.map((event) => [event.attempt, event.maxAttempts])).toEqual([[1, 2]]);
    expect(server.requests).toHaveLength(2);
  });

  it('gives up on a connection that keeps dropping', async () => {
    const drops = Array.from({ length: 2 }, () => fixture('dropped-mid-stream.sse'));
    const { run } = await setup(drops, { maxAttempts: 2 });
    await expect(run()).rejects.toMatchObject({ kind: 'connection', attempts: 2, partialTextLength: expect.any(Number) });
  });

  it("returns 'aborted' with the partial text when the caller cancels mid-stream, without retrying", async () => {
    const controller = new AbortController();
    const { run, server, retries } = await setup([fixture('fenced-code.sse', { stallAfterEvents: 8 })]);
    const result = await run({ signal: controller.signal, onText: () => controller.abort() });
    expect(result.finishReason).toBe('aborted');
    expect(result.text.length).toBeGreaterThan(0);
    expect(fenced.startsWith(result.text)).toBe(true);
    expect(result.attempts).toBe(1);
    expect(retries).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it('ends a stalled stream with the idle timeout and retries it', async () => {
    const { run, retries } = await setup([fixture('fenced-code.sse', { stallAfterEvents: 6 }), fixture('fenced-code.sse')], { idleTimeoutMs: 1000 });
    const result = await run();
    expect(result).toMatchObject({ text: fenced, attempts: 2 });
    expect(retries[0]?.reason).toMatch(/idle timeout \(no data for 1000 ms\)/);
  });
}
