import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ScriptedResponse } from './fake-http-server.js';

/** Directory of the recorded wire replies (`test-fixtures/wire`). */
export const WIRE_FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test-fixtures/wire');

const DROP = ': fake-server drop-connection';
const STALL = ': fake-server stall';

function parseSse(text: string): ScriptedResponse {
  const events = text.split(/\n\n+/).map((block) => block.trim()).filter((block) => block.length > 0);
  const response: ScriptedResponse = { events: [] };
  for (const block of events) {
    if (block === DROP) response.dropAfterEvents = response.events!.length;
    else if (block === STALL) response.stallAfterEvents = response.events!.length;
    else response.events!.push(block);
  }
  return response;
}

function parseHttp(text: string): ScriptedResponse {
  const split = text.indexOf('\n\n');
  const head = (split < 0 ? text : text.slice(0, split)).split('\n');
  const body = split < 0 ? '' : text.slice(split + 2).trim();
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head[0] ?? '')?.[1]);
  if (!Number.isInteger(status)) throw new Error(`wire fixture: bad status line ${head[0]}`);
  const headers: Record<string, string> = {};
  for (const line of head.slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status, headers, body };
}

/**
 * Loads a recorded reply from `test-fixtures/wire/<name>`: `.sse` files are event streams (blank-line
 * separated; the comment `: fake-server drop-connection` drops the connection there, `: fake-server stall`
 * stops writing), `.http` files are a status line, headers, a blank line and a body.
 */
export function wireFixture(name: string, overrides: Partial<ScriptedResponse> = {}): ScriptedResponse {
  const text = readFileSync(path.join(WIRE_FIXTURES, name), 'utf8').replace(/\r\n/g, '\n');
  const response = name.endsWith('.sse') ? parseSse(text) : parseHttp(text);
  return { ...response, ...overrides, headers: { ...response.headers, ...overrides.headers } };
}

/** The reply text a recorded stream carries (OpenAI `delta.content` or Anthropic `text_delta` events). */
export function streamedText(response: ScriptedResponse): string {
  let text = '';
  for (const event of response.events ?? []) {
    const data = /^data: (.*)$/m.exec(event)?.[1];
    if (!data || data === '[DONE]') continue;
    const parsed = JSON.parse(data) as {
      choices?: { delta?: { content?: string } }[];
      delta?: { type?: string; text?: string };
    };
    text += parsed.choices?.[0]?.delta?.content ?? (parsed.delta?.type === 'text_delta' ? (parsed.delta.text ?? '') : '');
  }
  return text;
}
