import type { IncomingHttpHeaders } from 'node:http';
import { startFakeServer, type FakeServer, type ScriptedResponse, type WireDialect } from './fake-http-server.js';

/** Options of a chat-completions stream. */
export interface OpenAiStreamOptions {
  model?: string;
  /** `stop`, `length`, … ; null leaves the finish chunk out (a stream that never finishes). */
  finishReason?: string | null;
  promptTokens?: number;
  completionTokens?: number;
  /** Text per delta chunk, in characters (real servers send about one token; bigger keeps fixtures small). */
  deltaSize?: number;
  /** Extra fields every chunk carries (Ollama's `system_fingerprint`, …). */
  systemFingerprint?: string;
}

/** Splits text into deltas at word boundaries, about `size` characters each. */
export function splitIntoDeltas(text: string, size: number): string[] {
  const words = text.match(/\s*\S+|\s+/g) ?? [];
  const deltas: string[] = [];
  let current = '';
  for (const word of words) {
    if (current.length > 0 && current.length + word.length > size) {
      deltas.push(current);
      current = '';
    }
    current += word;
  }
  if (current) deltas.push(current);
  return deltas;
}

/** The SSE events of an OpenAI chat-completions stream with `stream_options.include_usage`. */
export function openAiStreamEvents(text: string, options: OpenAiStreamOptions = {}): string[] {
  const base = {
    id: 'chatcmpl-BfakeC0mpletion1d',
    object: 'chat.completion.chunk',
    created: 1_750_000_000,
    model: options.model ?? 'gpt-4.1-2025-04-14',
    service_tier: 'default',
    system_fingerprint: options.systemFingerprint ?? 'fp_b3f1157249',
  };
  const chunk = (choices: unknown[], usage: unknown = null): string => `data: ${JSON.stringify({ ...base, choices, usage })}`;
  const events = [chunk([{ index: 0, delta: { role: 'assistant', content: '', refusal: null }, logprobs: null, finish_reason: null }])];
  for (const delta of splitIntoDeltas(text, options.deltaSize ?? 24)) {
    events.push(chunk([{ index: 0, delta: { content: delta }, logprobs: null, finish_reason: null }]));
  }
  if (options.finishReason === null) return events;
  events.push(chunk([{ index: 0, delta: {}, logprobs: null, finish_reason: options.finishReason ?? 'stop' }]));
  const promptTokens = options.promptTokens ?? 812;
  const completionTokens = options.completionTokens ?? Math.ceil(text.length / 4);
  events.push(
    chunk([], {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
      prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
    }),
  );
  events.push('data: [DONE]');
  return events;
}

/** An OpenAI error body. */
export function openAiErrorBody(message: string, type: string, code: string | null = null): string {
  return JSON.stringify({ error: { message, type, param: null, code } });
}

/** The wire dialect of api.openai.com: `/v1/chat/completions`, `Authorization: Bearer`. */
export const openAiDialect: WireDialect = {
  prefix: '/v1',
  route: '/chat/completions',
  authorize(headers: IncomingHttpHeaders): ScriptedResponse | undefined {
    if (/^Bearer \S+/.test(headers.authorization ?? '')) return undefined;
    return {
      status: 401,
      body: openAiErrorBody("You didn't provide an API key.", 'invalid_request_error'),
    };
  },
  errorBody: (status, message) => openAiErrorBody(message, status >= 500 ? 'server_error' : 'invalid_request_error'),
};

/** Starts a fake api.openai.com answering `responses` in order. */
export function startOpenAiServer(responses: ScriptedResponse[]): Promise<FakeServer> {
  return startFakeServer(openAiDialect, responses);
}
