import { startFakeServer, type FakeServer, type ScriptedResponse, type WireDialect } from './fake-http-server.js';
import { openAiErrorBody } from './openai-wire.js';

/**
 * A local OpenAI-compatible server (Ollama's `/v1`, llama.cpp, vLLM, LM Studio): chat completions
 * under a configurable prefix, no key required.
 */
export function openAiCompatibleDialect(prefix = '/v1'): WireDialect {
  return {
    prefix,
    route: '/chat/completions',
    authorize: () => undefined,
    errorBody: (status, message) => openAiErrorBody(message, status >= 500 ? 'server_error' : 'invalid_request_error'),
  };
}

/** Starts a fake OpenAI-compatible server (no key) under `prefix`, answering `responses` in order. */
export function startOpenAiCompatibleServer(responses: ScriptedResponse[], prefix = '/v1'): Promise<FakeServer> {
  return startFakeServer(openAiCompatibleDialect(prefix), responses);
}
