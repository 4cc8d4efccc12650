import type { IncomingHttpHeaders } from 'node:http';
import { startFakeServer, type FakeServer, type ScriptedResponse, type WireDialect } from './fake-http-server.js';

/** Azure's error body (`{"error":{"code":"401","message":…}}`). */
export function azureErrorBody(status: number, message: string): string {
  return JSON.stringify({ error: { code: String(status), message } });
}

/**
 * An Azure OpenAI resource: chat completions under `prefix` (`/openai/v1`, or a deployment's
 * `/openai/deployments/NAME`), the key in an `api-key` header only, as Azure wants it: a request
 * with `Authorization` instead is refused with Azure's 401.
 */
export function azureDialect(prefix = '/openai/v1'): WireDialect {
  return {
    prefix,
    route: '/chat/completions',
    authorize(headers: IncomingHttpHeaders): ScriptedResponse | undefined {
      if (typeof headers['api-key'] === 'string' && headers['api-key'].length > 0 && headers.authorization === undefined) return undefined;
      return {
        status: 401,
        body: azureErrorBody(401, 'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.'),
      };
    },
    errorBody: azureErrorBody,
  };
}

/** Starts a fake Azure OpenAI resource answering `responses` in order. */
export function startAzureServer(responses: ScriptedResponse[], prefix = '/openai/v1'): Promise<FakeServer> {
  return startFakeServer(azureDialect(prefix), responses);
}
