import type { Environment } from './provider-definition.js';
import type { FetchFunction } from './tracking-fetch.js';

/** The variables curl, pip and the OpenAI and Anthropic SDKs for Python read, in the order they win. */
const HTTPS_PROXY = ['HTTPS_PROXY', 'https_proxy'];
const HTTP_PROXY = ['HTTP_PROXY', 'http_proxy'];
const NO_PROXY = ['NO_PROXY', 'no_proxy'];
/** A local model server is never reached through the proxy (a proxy cannot reach the user's own loopback). */
const LOOPBACK = 'localhost,127.0.0.1,::1';

function first(env: Environment, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = env[name]?.trim();
    if (value) return value;
  }
  return undefined;
}

/** The name of the proxy variable the environment sets, if any. */
export function proxyVariable(env: Environment): string | undefined {
  return [...HTTPS_PROXY, ...HTTP_PROXY].find((name) => env[name]?.trim());
}

/**
 * A fetch through the proxy the environment names (HTTPS_PROXY, HTTP_PROXY; NO_PROXY and loopback
 * go direct), as curl and pip do: Node 20's own fetch ignores these variables, so behind a
 * corporate proxy every request failed with ENOTFOUND or a timeout. Undefined when none is set.
 * undici (the fetch Node ships) is loaded on the first request only.
 */
export function environmentProxyFetch(env: Environment): FetchFunction | undefined {
  const httpsProxy = first(env, HTTPS_PROXY);
  const httpProxy = first(env, HTTP_PROXY);
  if (!httpsProxy && !httpProxy) return undefined;
  const noProxy = [first(env, NO_PROXY), LOOPBACK].filter(Boolean).join(',');
  let loaded: Promise<FetchFunction> | undefined;
  return async (input, init) => {
    loaded ??= import('undici').then(({ fetch, EnvHttpProxyAgent }) => {
      const dispatcher = new EnvHttpProxyAgent({ httpProxy: httpProxy ?? httpsProxy, httpsProxy: httpsProxy ?? httpProxy, noProxy });
      const viaProxy = (url: unknown, options: unknown) => fetch(url as Parameters<typeof fetch>[0], { ...(options as Parameters<typeof fetch>[1]), dispatcher });
      return viaProxy as unknown as FetchFunction;
    });
    return (await loaded)(input, init);
  };
}
