import { afterEach, describe, expect, it } from 'vitest';
import { environmentProxyFetch, proxyVariable } from './proxy-fetch.js';
import { ProviderError } from './provider-error.js';
import { resolveModel } from './resolve-model.js';
import { CONTRACT_REQUEST } from './test-support/adapter-contract.js';
import { startConnectProxy as startProxy } from './test-support/connect-proxy.js';
import { openAiStreamEvents, startOpenAiServer } from './test-support/openai-wire.js';
import { recordingClock } from './test-support/recording-clock.js';

// A corporate proxy on 127.0.0.1: the only way to the provider's host (which does not resolve here),
// tunnelling CONNECT to the fake server as a real proxy tunnels to api.openai.com.
const KEY = 'sk-proj-PROXYtestKEY-0123456789abcdef';
const UNRESOLVABLE = 'api.provider.invalid';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

describe('requests go through the proxy the environment names', () => {
  it('HTTPS_PROXY / HTTP_PROXY: the request reaches the provider only through the proxy', async () => {
    const server = await startOpenAiServer([{ events: openAiStreamEvents('x = 1\n') }, { events: openAiStreamEvents('x = 1\n') }]);
    closers.push(() => server.close());
    const proxy = await startProxy(server);
    closers.push(() => proxy.close());
    const port = new URL(server.origin).port;
    const baseUrl = `http://${UNRESOLVABLE}:${port}/v1`;
    const direct = await resolveModel('openai:gpt-4.1', { baseUrl, env: { OPENAI_API_KEY: KEY }, clock: recordingClock(), retry: { maxAttempts: 1 } }).complete(CONTRACT_REQUEST).catch((error: unknown) => error);
    expect(direct).toBeInstanceOf(ProviderError);
    for (const variable of ['HTTPS_PROXY', 'http_proxy']) {
      const env = { OPENAI_API_KEY: KEY, [variable]: proxy.url };
      expect(proxyVariable(env)).toBe(variable);
      const result = await resolveModel('openai:gpt-4.1', { baseUrl, env, retry: { maxAttempts: 1 } }).complete(CONTRACT_REQUEST);
      expect(result.text).toBe('x = 1\n');
    }
    expect(proxy.tunnels).toEqual([`${UNRESOLVABLE}:${port}`, `${UNRESOLVABLE}:${port}`]);
    expect(server.requests).toHaveLength(2);
  });

  it('NO_PROXY and the loopback go direct; no variable, no proxy', async () => {
    expect(environmentProxyFetch({})).toBeUndefined();
    const server = await startOpenAiServer([{ events: openAiStreamEvents('a\n') }, { events: openAiStreamEvents('b\n') }]);
    closers.push(() => server.close());
    const proxy = await startProxy(server);
    closers.push(() => proxy.close());
    await resolveModel('openai:gpt-4.1', { baseUrl: server.baseUrl, env: { OPENAI_API_KEY: KEY, HTTPS_PROXY: proxy.url } }).complete(CONTRACT_REQUEST);
    const port = new URL(server.origin).port;
    const viaNoProxy = resolveModel('openai:gpt-4.1', { baseUrl: `http://${UNRESOLVABLE}:${port}/v1`, env: { OPENAI_API_KEY: KEY, HTTPS_PROXY: proxy.url, NO_PROXY: UNRESOLVABLE }, retry: { maxAttempts: 1 } });
    expect(await viaNoProxy.complete(CONTRACT_REQUEST).catch((error: unknown) => error)).toBeInstanceOf(ProviderError);
    expect(proxy.tunnels).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });
});
