import { afterEach, describe, expect, it } from 'vitest';
import { ProviderError } from './provider-error.js';
import { resolveModel } from './resolve-model.js';
import { CONTRACT_REQUEST } from './test-support/adapter-contract.js';
import { anthropicStreamEvents, startAnthropicServer } from './test-support/anthropic-wire.js';
import type { FakeServer, ScriptedResponse } from './test-support/fake-http-server.js';
import { startOpenAiCompatibleServer } from './test-support/openai-compatible-wire.js';
import { openAiStreamEvents, startOpenAiServer } from './test-support/openai-wire.js';
import { recordingClock } from './test-support/recording-clock.js';

// What a base URL means per provider, and what a reply that is not the API says, over real HTTP on 127.0.0.1.
const OPENAI_KEY = 'sk-proj-BASEURLtestKEY-0123456789abcdef';
const ANTHROPIC_KEY = 'sk-ant-api03-BASEURLtestKEY-0123456789';
const SIGN_IN_PAGE =
  '<!DOCTYPE html>\n<html lang="en">\n<head>\n  <meta charset="utf-8">\n  <title>Sign in \u2013 Corp\u001b]0;pwned\u0007 Proxy</title>\n</head>\n' +
  `<body><form action="/login"><input name="token" value="${OPENAI_KEY}"></form></body></html>\n`;
const htmlPage: ScriptedResponse = { headers: { 'content-type': 'text/html; charset=utf-8' }, body: SIGN_IN_PAGE };

const servers: FakeServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});
async function serve(start: (responses: ScriptedResponse[]) => Promise<FakeServer>, responses: ScriptedResponse[]): Promise<FakeServer> {
  const server = await start(responses);
  servers.push(server);
  return server;
}
async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof ProviderError)) throw new Error(`expected a ProviderError, got ${String(error)}`);
  return error;
}

const PROVIDERS = [
  { id: 'openai:gpt-4.1', start: startOpenAiServer, env: { OPENAI_API_KEY: OPENAI_KEY } },
  { id: 'anthropic:claude-sonnet-4-20250514', start: startAnthropicServer, env: { ANTHROPIC_API_KEY: ANTHROPIC_KEY } },
  { id: 'ollama:qwen2.5-coder:7b', start: (responses: ScriptedResponse[]) => startOpenAiCompatibleServer(responses), env: {} },
  { id: 'openai-compatible:qwen', start: (responses: ScriptedResponse[]) => startOpenAiCompatibleServer(responses), env: {} },
];

describe('a 200 reply that is not an event stream', () => {
  for (const provider of PROVIDERS) {
    it(`${provider.id}: an HTML page says what came back and that the base URL is probably wrong, at once (not retried)`, async () => {
      const server = await serve(provider.start, [htmlPage, htmlPage]);
      const model = resolveModel(provider.id, { baseUrl: server.baseUrl, env: provider.env, clock: recordingClock() });
      const error = await failure(model.complete(CONTRACT_REQUEST));
      expect(error).toMatchObject({ kind: 'response', isRetryable: false, statusCode: 200, attempts: 1 });
      expect(server.requests).toHaveLength(1);
      expect(error.message).toMatch(/^\S+: http:\/\/127\.0\.0\.1:\d+\/v1\/\S+ answered HTTP 200 with text\/html \(a page titled "Sign in – Corp\\e\]0;pwned\\x07 Proxy"\), not an event stream: "<!DOCTYPE html> <html lang="en"> <head> .*…"\. The base URL is probably wrong \(a web page, such as a proxy's sign-in page, not the API\)\.$/);
      expect(error.message).not.toContain('closed early');
      expect(JSON.stringify(error)).not.toContain('BASEURLtestKEY');
      expect(error.message).not.toMatch(/[\u0000-\u0008\u000a-\u001f]/);
    });
  }

  it('a JSON body with status 200 echoing the key is quoted redacted, not called a dropped connection', async () => {
    const echo = await serve(startOpenAiServer, [{ body: JSON.stringify({ error: `key ${OPENAI_KEY} is not allowed here` }) }]);
    const echoed = await failure(resolveModel('openai:gpt-4.1', { baseUrl: echo.baseUrl, env: { OPENAI_API_KEY: OPENAI_KEY } }).complete(CONTRACT_REQUEST));
    expect(echoed.message).toContain(': "{"error":"key [redacted] is not allowed here"}". The base URL is probably wrong');
    expect(JSON.stringify(echoed)).not.toContain('BASEURLtestKEY');
  });

  it('a JSON body with status 200 (a gateway that ignores stream: true) is quoted, not called a dropped connection', async () => {
    const server = await serve(startOpenAiServer, [{ body: JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion', choices: [] }) }]);
    const model = resolveModel('openai:gpt-4.1', { baseUrl: server.baseUrl, env: { OPENAI_API_KEY: OPENAI_KEY }, clock: recordingClock() });
    const error = await failure(model.complete(CONTRACT_REQUEST));
    expect(error.message).toMatch(/answered HTTP 200 with application\/json, not an event stream: "\{"id":"chatcmpl-1","object":"chat\.completion","choices":\[\]\}"\. The base URL is probably wrong, or the server does not stream replies\.$/);
    expect(error.attempts).toBe(1);
  });

  it('a real stream that ends early is still a retried dropped connection', async () => {
    const server = await serve(startOpenAiServer, [{ events: openAiStreamEvents('def f(', { finishReason: null }) }, { events: openAiStreamEvents('def f(): ...\n') }]);
    const model = resolveModel('openai:gpt-4.1', { baseUrl: server.baseUrl, env: { OPENAI_API_KEY: OPENAI_KEY }, clock: recordingClock() });
    expect(await model.complete(CONTRACT_REQUEST)).toMatchObject({ text: 'def f(): ...\n', attempts: 2 });
  });
});

describe('what a base URL means, per provider', () => {
  it('a query string (Azure ?api-version=…) is sent with every request, and the path is kept', async () => {
    const server = await serve(startOpenAiServer, [{ events: openAiStreamEvents('x = 1\n') }]);
    const model = resolveModel('openai:gpt-4.1', { baseUrl: `${server.baseUrl}?api-version=2024-10-21`, env: { OPENAI_API_KEY: OPENAI_KEY } });
    expect(await model.complete(CONTRACT_REQUEST)).toMatchObject({ text: 'x = 1\n' });
    expect(server.requests.map((request) => request.path)).toEqual(['/v1/chat/completions?api-version=2024-10-21']);
  });

  it('a query string in ANTHROPIC_BASE_URL with a trailing slash, too', async () => {
    const server = await serve(startAnthropicServer, [{ events: anthropicStreamEvents('x = 1\n') }]);
    const model = resolveModel('anthropic:claude-sonnet-4-20250514', { env: { ANTHROPIC_API_KEY: ANTHROPIC_KEY, ANTHROPIC_BASE_URL: `${server.baseUrl}/?tenant=a%20b` } });
    expect(await model.complete(CONTRACT_REQUEST)).toMatchObject({ text: 'x = 1\n' });
    expect(server.requests.map((request) => request.path)).toEqual(['/v1/messages?tenant=a+b']);
  });

  it('anthropic: the origin (as Anthropic\'s SDKs take ANTHROPIC_BASE_URL) and the /v1 URL both reach /v1/messages', async () => {
    const server = await serve(startAnthropicServer, [{ events: anthropicStreamEvents('a\n') }, { events: anthropicStreamEvents('b\n') }]);
    for (const baseUrl of [server.origin, `${server.origin}/v1/`]) {
      const model = resolveModel('anthropic:claude-sonnet-4-20250514', { baseUrl, env: { ANTHROPIC_API_KEY: ANTHROPIC_KEY } });
      await model.complete(CONTRACT_REQUEST);
    }
    expect(server.requests.map((request) => request.path)).toEqual(['/v1/messages', '/v1/messages']);
  });

  it('ollama: --base-url http://HOST:PORT reaches /v1 as OLLAMA_HOST does', async () => {
    const server = await serve((responses) => startOpenAiCompatibleServer(responses), [{ events: openAiStreamEvents('a\n') }]);
    await resolveModel('ollama:qwen2.5-coder:7b', { baseUrl: server.origin }).complete(CONTRACT_REQUEST);
    expect(server.requests.map((request) => request.path)).toEqual(['/v1/chat/completions']);
  });

  it('a base URL that is the endpoint itself (pasted from an API reference) is refused, naming the base to give', () => {
    for (const [id, given, base] of [
      ['openai:gpt-4.1', 'https://api.openai.com/v1/chat/completions', 'https://api.openai.com/v1'],
      ['anthropic:claude-sonnet-4-0', 'https://api.anthropic.com/v1/messages/', 'https://api.anthropic.com/v1'],
      ['openai-compatible:qwen', 'http://localhost:8000/v1/completions?x=1', 'http://localhost:8000/v1'],
    ] as const) {
      let thrown: unknown;
      try {
        resolveModel(id, { baseUrl: given, env: { OPENAI_API_KEY: OPENAI_KEY, ANTHROPIC_API_KEY: ANTHROPIC_KEY } });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toMatchObject({ problem: 'invalid-base-url', message: expect.stringMatching(new RegExp(`^--base-url ends in the endpoint /\\S+, which backsmith adds itself: give the base URL, ${base.replace(/[./]/g, '\\$&')}\\.$`)) });
    }
  });

  it('openai-compatible: used as given; a 404 at a base URL with no path suggests /v1', async () => {
    const server = await serve((responses) => startOpenAiCompatibleServer(responses), []);
    const error = await failure(resolveModel('openai-compatible:qwen', { baseUrl: server.origin }).complete(CONTRACT_REQUEST));
    expect(server.requests.map((request) => request.path)).toEqual(['/chat/completions']);
    expect(error.message).toMatch(/HTTP 404 from http:\/\/127\.0\.0\.1:\d+\/chat\/completions: .*\. The base URL has no path: OpenAI-compatible servers usually serve the API under \/v1 \(--base-url http:\/\/127\.0\.0\.1:\d+\/v1\)\.$/);
  });
});
