import type { LanguageModel } from './language-model.js';
import { checkModelId } from './check-model-id.js';
import { openAiCompatibleProvider } from './openai-compatible-provider.js';
import { MissingApiKeyError, MissingBaseUrlError, NoModelConfiguredError } from './model-configuration-error.js';
import { lookupModelInfo } from './model-catalog.js';
import type { Environment, ProviderDefinition } from './provider-definition.js';
import { providerSetupInstructions } from './provider-setup-instructions.js';
import { retrySettings, type RetryClock, type RetrySettings } from './retry-policy.js';
import { createSdkLanguageModel } from './sdk-language-model.js';
import type { FetchFunction } from './tracking-fetch.js';
import { environmentProxyFetch } from './proxy-fetch.js';
import { withApiKeyHeader } from './api-key-header.js';
import { isAzureBaseUrl } from './azure-provider.js';

/** How to reach the model, beyond its id. */
export interface ResolveModelSettings {
  /** `--base-url` / config `baseUrl`: overrides the provider's default and its environment variable. */
  baseUrl?: string;
  /** Where `baseUrl` was given, as messages name it (default `--base-url`; `"baseUrl" in the configuration`). */
  baseUrlSource?: string;
  /** Where keys and base URLs are read from (default `process.env`). */
  env?: Environment;
  /** Overrides of the retry and timeout policy. */
  retry?: Partial<RetrySettings>;
  /** Injected time (tests). */
  clock?: RetryClock;
  /** Context window override, for models the catalog does not know (local servers). */
  contextWindow?: number | null;
  /** Base fetch (tests, proxies). */
  fetch?: FetchFunction;
}

/** A configured base URL: where requests go (no trailing slash, no query) and the query sent with each. */
interface BaseUrl {
  url: string;
  /** `--base-url` or a variable set it (no key needed then: a local or proxy server). */
  custom: boolean;
  /** The base URL's query string (Azure's `?api-version=…`), added to every request, since the SDKs append paths after it. */
  query?: URLSearchParams;
}

function normaliseBaseUrl(value: string, provider: ProviderDefinition, source: string): BaseUrl {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new MissingBaseUrlError(`${source} "${value}" is not a URL; expected e.g. ${provider.baseUrlExample ?? 'http://localhost:8080/v1'}.`, provider.name, 'invalid-base-url');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new MissingBaseUrlError(`${source} must be an http(s) URL, got ${url.protocol}.`, provider.name, 'invalid-base-url');
  }
  // fetch refuses such a URL, and the password would reach messages and run records: refuse it here, without echoing it.
  if (url.username || url.password) {
    const key = provider.apiKeyEnv ? `set ${provider.apiKeyEnv} instead` : 'the server must not need one in the URL';
    throw new MissingBaseUrlError(`${source} must not hold a user name or password (user:password@host): ${key}.`, provider.name, 'invalid-base-url');
  }
  // The endpoint pasted from an API reference: the SDK would add its path again (…/chat/completions/chat/completions, a 404).
  const endpoint = /\/(chat\/completions|completions|messages|responses)\/*$/.exec(url.pathname);
  if (endpoint) {
    const base = `${url.origin}${url.pathname.slice(0, endpoint.index)}`;
    throw new MissingBaseUrlError(`${source} ends in the endpoint /${endpoint[1]}, which backsmith adds itself: give the base URL, ${base}.`, provider.name, 'invalid-base-url');
  }
  const query = url.search ? new URLSearchParams(url.search) : undefined;
  url.search = '';
  url.hash = '';
  let path = url.pathname.replace(/\/+$/, '');
  if (provider.pathWhenBare && path === '') path = provider.pathWhenBare;
  if (provider.apiPath && !path.endsWith(provider.apiPath)) path += provider.apiPath;
  url.pathname = path;
  return { url: url.toString().replace(/\/+$/, ''), custom: true, ...(query ? { query } : {}) };
}

/**
 * Checks `--base-url` as `resolveModel` will read it for `modelId`'s provider (an http(s) URL, no
 * user or password, not the endpoint itself), so a server started with a bad one fails at start.
 * Throws MissingBaseUrlError (a one-line BacksmithError).
 */
export function checkBaseUrl(value: string, modelId?: string): void {
  normaliseBaseUrl(value, modelId ? checkModelId(modelId).provider : openAiCompatibleProvider, '--base-url');
}

function resolveBaseUrl(provider: ProviderDefinition, settings: ResolveModelSettings, env: Environment): BaseUrl {
  if (settings.baseUrl) return normaliseBaseUrl(settings.baseUrl, provider, settings.baseUrlSource ?? '--base-url');
  const fromEnv = provider.baseUrlEnv ? env[provider.baseUrlEnv]?.trim() : undefined;
  if (fromEnv) {
    const value = provider.baseUrlFromEnv ? provider.baseUrlFromEnv(fromEnv) : fromEnv;
    return normaliseBaseUrl(value, provider, provider.baseUrlEnv!);
  }
  if (provider.defaultBaseUrl) return { url: provider.defaultBaseUrl, custom: false };
  if (provider !== openAiCompatibleProvider) {
    throw new MissingBaseUrlError(
      `${provider.name}: models need a base URL: pass --base-url URL, set "baseUrl" in backsmith.config.json${provider.baseUrlEnv ? ` or ${provider.baseUrlEnv}` : ''}: ${provider.baseUrlMeaning}.`,
      provider.name,
    );
  }
  throw new MissingBaseUrlError(
    `${provider.name}: models need the server's base URL: pass --base-url http://HOST:PORT/v1, set "baseUrl" in backsmith.config.json` +
      `${provider.baseUrlEnv ? ` or ${provider.baseUrlEnv}` : ''} (llama.cpp: http://localhost:8080/v1, vLLM: http://localhost:8000/v1, LM Studio: http://localhost:1234/v1).`,
    provider.name,
  );
}

/** Adds the base URL's query to every request the SDK makes (it builds `${baseURL}${path}`, which would bury the path in the query). */
function withQuery(fetch: FetchFunction, query: URLSearchParams): FetchFunction {
  return (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    for (const [name, value] of query) if (!url.searchParams.has(name)) url.searchParams.append(name, value);
    return fetch(input instanceof Request ? new Request(url, input) : url.href, init);
  };
}

function contextWindow(provider: ProviderDefinition, modelId: string, settings: ResolveModelSettings, env: Environment): number | null {
  if (settings.contextWindow !== undefined) return settings.contextWindow;
  const known = lookupModelInfo(provider.name, modelId)?.contextWindow;
  if (known) return known;
  const ollama = provider.name === 'ollama' ? Number(env.OLLAMA_CONTEXT_LENGTH) : NaN;
  return Number.isInteger(ollama) && ollama > 0 ? ollama : null;
}

/**
 * Turns `provider:model` into a LanguageModel behind the shared retry policy. Fails with a named
 * ModelConfigurationError whose message says exactly what to set: NoModelConfiguredError (no id),
 * InvalidModelIdError, NoSuchProviderError, MissingApiKeyError, MissingBaseUrlError.
 */
export function resolveModel(id: string | undefined, settings: ResolveModelSettings = {}): LanguageModel {
  const env = settings.env ?? process.env;
  if (!id || !id.trim()) throw new NoModelConfiguredError(providerSetupInstructions(env));
  const { provider, modelId } = checkModelId(id);
  const { name } = provider;
  const baseUrl = resolveBaseUrl(provider, settings, env);
  const apiKey = provider.apiKeyEnv ? env[provider.apiKeyEnv]?.trim() || undefined : undefined;
  // A provider with no default server (Azure) needs its key whatever the base URL.
  if (!apiKey && provider.apiKey === 'required' && (!baseUrl.custom || !provider.defaultBaseUrl)) {
    throw new MissingApiKeyError(
      `${name}:${modelId} needs an API key: set ${provider.apiKeyEnv} (export ${provider.apiKeyEnv}=...). ` +
        'No key? Run a local model: --model ollama:qwen2.5-coder:7b, or --model openai-compatible:MODEL --base-url http://HOST:PORT/v1.',
      name,
    );
  }
  const info = lookupModelInfo(name, modelId);
  // Behind a proxy (HTTPS_PROXY…), requests go through it: Node's own fetch would ignore the variable.
  const fetch = settings.fetch ?? environmentProxyFetch(env);
  // Azure takes the key in `api-key`: said by the provider (`azure:`), or seen in the base URL (`openai:` at an Azure resource).
  const keyHeader = provider.apiKeyHeader ?? (isAzureBaseUrl(baseUrl.url) ? 'api-key' : undefined);
  const requestFetch = (tracked: FetchFunction): FetchFunction => {
    const withKey = keyHeader ? withApiKeyHeader(tracked, keyHeader, apiKey) : tracked;
    return baseUrl.query ? withQuery(withKey, baseUrl.query) : withKey;
  };
  return createSdkLanguageModel({
    provider: name,
    modelId,
    contextWindow: contextWindow(provider, modelId, settings, env),
    maxOutputTokens: info?.maxOutputTokens ?? null,
    createSdkModel: (trackedFetch) =>
      provider.createSdkModel({ modelId, baseUrl: baseUrl.url, apiKey, fetch: requestFetch(trackedFetch) }),
    ...(apiKey ? { apiKey } : {}),
    ...(provider.apiKeyEnv ? { apiKeyEnv: provider.apiKeyEnv } : {}),
    retry: retrySettings(settings.retry),
    ...(settings.clock ? { clock: settings.clock } : {}),
    ...(fetch ? { fetch } : {}),
  });
}
