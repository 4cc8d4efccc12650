import type { FetchFunction } from './tracking-fetch.js';

/**
 * Sends the key in `header` (Azure's `api-key`) in place of the `Authorization: Bearer` the OpenAI
 * SDK always adds: Azure refuses a request whose key is not in its own header.
 */
export function withApiKeyHeader(fetch: FetchFunction, header: string, apiKey: string | undefined): FetchFunction {
  return (input, init) => {
    const headers = new Headers(input instanceof Request ? input.headers : undefined);
    new Headers(init?.headers).forEach((value, name) => headers.set(name, value));
    headers.delete('authorization');
    if (apiKey) headers.set(header, apiKey);
    return fetch(input, { ...init, headers });
  };
}
