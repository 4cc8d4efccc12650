import type { IncomingHttpHeaders } from 'node:http';
import { startFakeServer, type FakeServer, type ScriptedResponse, type WireDialect } from './fake-http-server.js';
import { splitIntoDeltas } from './openai-wire.js';

/** Options of an Anthropic Messages stream. */
export interface AnthropicStreamOptions {
  model?: string;
  /** `end_turn`, `max_tokens`, … ; null leaves message_delta and message_stop out. */
  stopReason?: string | null;
  inputTokens?: number;
  outputTokens?: number;
  deltaSize?: number;
}

function event(name: string, data: unknown): string {
  return `event: ${name}\ndata: ${JSON.stringify(data)}`;
}

/** The SSE events of an Anthropic Messages stream (message_start … message_stop). */
export function anthropicStreamEvents(text: string, options: AnthropicStreamOptions = {}): string[] {
  const inputTokens = options.inputTokens ?? 812;
  const events = [
    event('message_start', {
      type: 'message_start',
      message: {
        id: 'msg_01FakeAnthropicMessage1d',
        type: 'message',
        role: 'assistant',
        model: options.model ?? 'claude-sonnet-4-20250514',
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { input_tokens: inputTokens, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: 1, service_tier: 'standard' },
      },
    }),
    event('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }),
    event('ping', { type: 'ping' }),
  ];
  for (const delta of splitIntoDeltas(text, options.deltaSize ?? 24)) {
    events.push(event('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: delta } }));
  }
  events.push(event('content_block_stop', { type: 'content_block_stop', index: 0 }));
  if (options.stopReason === null) return events;
  events.push(
    event('message_delta', {
      type: 'message_delta',
      delta: { stop_reason: options.stopReason ?? 'end_turn', stop_sequence: null },
      usage: { output_tokens: options.outputTokens ?? Math.ceil(text.length / 4) },
    }),
  );
  events.push(event('message_stop', { type: 'message_stop' }));
  return events;
}

/** An Anthropic error body. */
export function anthropicErrorBody(type: string, message: string): string {
  return JSON.stringify({ type: 'error', error: { type, message } });
}

/** The wire dialect of api.anthropic.com: `/v1/messages`, `x-api-key` and `anthropic-version` headers. */
export const anthropicDialect: WireDialect = {
  prefix: '/v1',
  route: '/messages',
  authorize(headers: IncomingHttpHeaders): ScriptedResponse | undefined {
    if (headers['x-api-key'] && headers['anthropic-version']) return undefined;
    return { status: 401, body: anthropicErrorBody('authentication_error', 'x-api-key header is required') };
  },
  errorBody: (status, message) => anthropicErrorBody(status >= 500 ? 'api_error' : 'invalid_request_error', message),
};

/** Starts a fake api.anthropic.com answering `responses` in order. */
export function startAnthropicServer(responses: ScriptedResponse[]): Promise<FakeServer> {
  return startFakeServer(anthropicDialect, responses);
}
