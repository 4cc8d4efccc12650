import { afterEach, describe, expect, it } from 'vitest';
import { ProviderError } from './provider-error.js';
import { resolveModel } from './resolve-model.js';
import { CONTRACT_REQUEST } from './test-support/adapter-contract.js';
import { startAnthropicServer } from './test-support/anthropic-wire.js';
import type { FakeServer, ScriptedResponse } from './test-support/fake-http-server.js';
import { startOpenAiCompatibleServer } from './test-support/openai-compatible-wire.js';
import { recordingClock } from './test-support/recording-clock.js';
import { readWholeJsonReply } from './whole-json-reply.js';

// A gateway that ignores `stream: true` and answers with the whole completion as one JSON body, over real HTTP on 127.0.0.1.
const CODE = '```python\n"""Prices."""\nPRICE = "5 €"\n```\n';
const chatCompletion = (content: string, finish = 'stop'): ScriptedResponse => ({
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: JSON.stringify({
    id: 'chatcmpl-gw1', object: 'chat.completion', created: 1_750_000_000, model: 'qwen2.5-coder:7b',
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: finish }],
    usage: { prompt_tokens: 812, completion_tokens: 40, total_tokens: 852 },
  }),
});

const servers: FakeServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});
async function serve(start: (responses: ScriptedResponse[]) => Promise<FakeServer>, responses: ScriptedResponse[]): Promise<FakeServer> {
  const server = await start(responses);
  servers.push(server);
  return server;
}

describe('a server that ignores stream: true', () => {
  it('an OpenAI chat completion in one JSON body is read whole: text, usage, finish reason, onText once, one request', async () => {
    const server = await serve((responses) => startOpenAiCompatibleServer(responses), [chatCompletion(CODE)]);
    const model = resolveModel('openai-compatible:qwen', { baseUrl: server.baseUrl, env: {}, clock: recordingClock() });
    const deltas: string[] = [];
    const result = await model.complete({ ...CONTRACT_REQUEST, onText: (delta) => deltas.push(delta) });
    expect(result).toMatchObject({ text: CODE, finishReason: 'stop', providerFinishReason: 'stop', usage: { inputTokens: 812, outputTokens: 40 }, attempts: 1, unstreamed: true });
    expect(deltas).toEqual([CODE]);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.body).toMatchObject({ stream: true });
  });

  it("a whole reply cut by max tokens is 'length', never 'stop'", async () => {
    const server = await serve((responses) => startOpenAiCompatibleServer(responses), [chatCompletion('```python\nPRICE = ', 'length')]);
    const model = resolveModel('ollama:qwen2.5-coder:7b', { baseUrl: server.origin, env: {}, clock: recordingClock() });
    expect(await model.complete(CONTRACT_REQUEST)).toMatchObject({ finishReason: 'length', providerFinishReason: 'length', unstreamed: true });
  });

  it('an Anthropic message in one JSON body is read whole', async () => {
    const message = {
      id: 'msg_gw1', type: 'message', role: 'assistant', model: 'claude-sonnet-4-20250514',
      content: [{ type: 'text', text: CODE }], stop_reason: 'end_turn', stop_sequence: null, usage: { input_tokens: 900, output_tokens: 41 },
    };
    const server = await serve(startAnthropicServer, [{ body: JSON.stringify(message) }]);
    const model = resolveModel('anthropic:claude-sonnet-4-20250514', { baseUrl: server.origin, env: { ANTHROPIC_API_KEY: 'sk-ant-api03-WHOLEjson-0123456789' }, clock: recordingClock() });
    expect(await model.complete(CONTRACT_REQUEST)).toMatchObject({ text: CODE, finishReason: 'stop', providerFinishReason: 'end_turn', usage: { inputTokens: 900, outputTokens: 41 }, unstreamed: true });
  });

  it('after one whole reply, a later reply silent for longer than the idle limit is waited for (the request limit still applies)', async () => {
    const server = await serve((responses) => startOpenAiCompatibleServer(responses), [chatCompletion(CODE), { ...chatCompletion(CODE), delayMs: 2500 }]);
    // Margins wide enough for a loaded machine: the first reply must come within 1 s, the second is silent 2.5 s.
    const model = resolveModel('openai-compatible:qwen', { baseUrl: server.baseUrl, env: {}, clock: recordingClock(), retry: { idleTimeoutMs: 1000, requestTimeoutMs: 20_000 } });
    await model.complete(CONTRACT_REQUEST);
    expect(await model.complete(CONTRACT_REQUEST)).toMatchObject({ text: CODE, attempts: 1 });
    expect(server.requests).toHaveLength(2);
  });

  it('a JSON body that is no completion is still reported as what came back, not retried', async () => {
    const server = await serve((responses) => startOpenAiCompatibleServer(responses), [{ body: JSON.stringify({ status: 'ok', queued: true }) }]);
    const model = resolveModel('openai-compatible:qwen', { baseUrl: server.baseUrl, env: {}, clock: recordingClock() });
    const error = await model.complete(CONTRACT_REQUEST).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).message).toMatch(/answered HTTP 200 with application\/json, not an event stream: "\{"status":"ok","queued":true\}"/);
    expect(server.requests).toHaveLength(1);
  });

  it.each([
    ['malformed JSON', '{"choices": ['],
    ['an error object', JSON.stringify({ error: { message: 'bad' }, choices: [] })],
    ['no message', JSON.stringify({ choices: [{ index: 0, text: 'x' }] })],
    ['a list', '[1, 2]'],
  ])('readWholeJsonReply: %s is no reply', (_name, body) => {
    expect(readWholeJsonReply(body)).toBeUndefined();
  });

  it('readWholeJsonReply: content parts are joined; an unknown finish reason is other, kept as the provider said it', () => {
    const body = JSON.stringify({ choices: [{ message: { content: [{ type: 'text', text: 'a' }, { type: 'image' }, { type: 'text', text: 'b' }] }, finish_reason: 'eos' }] });
    expect(readWholeJsonReply(body)).toEqual({ text: 'ab', finishReason: 'other', providerFinishReason: 'eos', usage: { inputTokens: null, outputTokens: null } });
  });
});
