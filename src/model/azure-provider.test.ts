import { afterEach, describe, expect, it } from 'vitest';
import { isAzureBaseUrl } from './azure-provider.js';
import { MissingApiKeyError, MissingBaseUrlError } from './model-configuration-error.js';
import { ProviderError } from './provider-error.js';
import { resolveModel } from './resolve-model.js';
import { CONTRACT_REQUEST } from './test-support/adapter-contract.js';
import { startAzureServer } from './test-support/azure-wire.js';
import type { FakeServer, ScriptedResponse } from './test-support/fake-http-server.js';
import { openAiStreamEvents } from './test-support/openai-wire.js';
import { recordingClock } from './test-support/recording-clock.js';
import type { FetchFunction } from './tracking-fetch.js';

// Azure OpenAI takes its key in an `api-key` header: over real HTTP to a fake resource on 127.0.0.1.
const KEY = 'azKEY-H5azure-0123456789abcdef0123';
const reply: ScriptedResponse = { events: openAiStreamEvents('```python\nVALUE = 1\n```\n') };

const servers: FakeServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});
async function serve(responses: ScriptedResponse[], prefix?: string): Promise<FakeServer> {
  const server = await startAzureServer(responses, prefix);
  servers.push(server);
  return server;
}
/** Sends what is addressed to an Azure host to the fake server instead, over real HTTP (DNS cannot be faked). */
function toFakeServer(server: FakeServer): FetchFunction {
  return (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const target = new URL(server.origin);
    url.protocol = target.protocol;
    url.host = target.host;
    return globalThis.fetch(url, init);
  };
}

describe('Azure OpenAI', () => {
  it('azure:DEPLOYMENT at a bare endpoint: /openai/v1, the key in api-key and never as Bearer, the deployment as the model', async () => {
    const server = await serve([reply]);
    const model = resolveModel('azure:gpt41-prod', { baseUrl: server.origin, env: { AZURE_OPENAI_API_KEY: KEY } });
    const result = await model.complete(CONTRACT_REQUEST);
    expect(result).toMatchObject({ text: '```python\nVALUE = 1\n```\n', finishReason: 'stop', attempts: 1 });
    const [request] = server.requests;
    expect(request).toMatchObject({ path: '/openai/v1/chat/completions', body: { model: 'gpt41-prod', stream: true } });
    expect(request!.headers['api-key']).toBe(KEY);
    expect(request!.headers.authorization).toBeUndefined();
  });

  it('AZURE_OPENAI_ENDPOINT (with its trailing slash) is read as the endpoint', async () => {
    const server = await serve([reply]);
    const model = resolveModel('azure:gpt41-prod', { env: { AZURE_OPENAI_API_KEY: KEY, AZURE_OPENAI_ENDPOINT: `${server.origin}/` } });
    await model.complete(CONTRACT_REQUEST);
    expect(server.requests[0]!.path).toBe('/openai/v1/chat/completions');
  });

  it('openai: at an Azure resource URL (a deployment with ?api-version) sends api-key too, and the query with every request', async () => {
    const server = await serve([reply], '/openai/deployments/gpt41-prod');
    const baseUrl = 'https://contoso-eu.openai.azure.com/openai/deployments/gpt41-prod?api-version=2024-10-21';
    const model = resolveModel('openai:gpt-4.1', { baseUrl, env: { OPENAI_API_KEY: KEY }, fetch: toFakeServer(server) });
    await model.complete(CONTRACT_REQUEST);
    const [request] = server.requests;
    expect(request!.path).toBe('/openai/deployments/gpt41-prod/chat/completions?api-version=2024-10-21');
    expect(request!.headers['api-key']).toBe(KEY);
    expect(request!.headers.authorization).toBeUndefined();
  });

  it('the fake resource refuses a Bearer key as Azure does, and the error never shows the key', async () => {
    const server = await serve([reply]);
    // An Azure resource behind a name backsmith cannot recognise, reached as plain openai-compatible: Bearer is sent.
    const model = resolveModel('openai-compatible:gpt41-prod', { baseUrl: `${server.origin}/openai/v1`, env: { OPENAI_COMPATIBLE_API_KEY: KEY }, clock: recordingClock() });
    const error = await model.complete(CONTRACT_REQUEST).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).statusCode).toBe(401);
    expect((error as ProviderError).message).toMatch(/Access denied due to invalid subscription key/);
    expect(JSON.stringify(error) + (error as Error).message).not.toContain(KEY);
  });

  it('without a key or an endpoint: one line naming the variable to set', () => {
    expect(() => resolveModel('azure:gpt41-prod', { baseUrl: 'https://contoso.openai.azure.com', env: {} })).toThrow(MissingApiKeyError);
    expect(() => resolveModel('azure:gpt41-prod', { baseUrl: 'https://contoso.openai.azure.com', env: {} })).toThrow(/set AZURE_OPENAI_API_KEY/);
    let missing: unknown;
    try {
      resolveModel('azure:gpt41-prod', { env: { AZURE_OPENAI_API_KEY: KEY } });
    } catch (error) {
      missing = error;
    }
    expect(missing).toBeInstanceOf(MissingBaseUrlError);
    expect((missing as Error).message).toBe(
      'azure: models need a base URL: pass --base-url URL, set "baseUrl" in backsmith.config.json or AZURE_OPENAI_ENDPOINT: the resource endpoint (https://RESOURCE.openai.azure.com: /openai/v1 is added to a URL with no path) or a deployment URL with its ?api-version=….',
    );
  });

  it('an endpoint that is no URL is refused with an Azure example', () => {
    expect(() => resolveModel('azure:gpt41-prod', { env: { AZURE_OPENAI_API_KEY: KEY, AZURE_OPENAI_ENDPOINT: 'contoso' } })).toThrow(
      'AZURE_OPENAI_ENDPOINT "contoso" is not a URL; expected e.g. https://RESOURCE.openai.azure.com.',
    );
  });

  it.each([
    ['https://contoso.openai.azure.com/openai/v1', true],
    ['https://contoso.cognitiveservices.azure.com', true],
    ['https://contoso.services.ai.azure.com/models', true],
    ['https://api.openai.com/v1', false],
    ['https://openai.azure.com.evil.example/v1', false],
    ['not a url', false],
  ])('isAzureBaseUrl(%s) is %s', (url, expected) => {
    expect(isAzureBaseUrl(url)).toBe(expected);
  });
});
