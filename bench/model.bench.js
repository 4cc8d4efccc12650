// backsmith's own overhead per completion: a ~30 KB reply streamed by a local OpenAI-style SSE server,
// read three ways — raw fetch (transport + SSE bytes), the AI SDK's streamText alone, and
// backsmith's LanguageModel (SDK + retry policy, watchdog, byte tracking, error mapping).
import { createServer } from 'node:http';
import { streamText } from 'ai';
import { createOpenAI } from '@ai-sdk/openai';
import { resolveModel } from '../dist/model/resolve-model.js';
import { report, median } from './measure.js';

const RUNS = 21;
const CHARS_PER_TOKEN = 4;

function replyText(targetBytes) {
  const line = '        raise DuplicateEmailError("ACC-409", f"Email already registered: {email}")\n';
  let text = '```python\n';
  while (text.length < targetBytes) text += line;
  return text + '```\n';
}

function sseBody(text) {
  const base = { id: 'chatcmpl-bench', object: 'chat.completion.chunk', created: 1750000000, model: 'gpt-4.1-2025-04-14', system_fingerprint: 'fp_bench' };
  const events = [];
  for (let start = 0; start < text.length; start += CHARS_PER_TOKEN) {
    events.push({ ...base, choices: [{ index: 0, delta: { content: text.slice(start, start + CHARS_PER_TOKEN) }, logprobs: null, finish_reason: null }], usage: null });
  }
  events.push({ ...base, choices: [{ index: 0, delta: {}, logprobs: null, finish_reason: 'stop' }], usage: null });
  events.push({ ...base, choices: [], usage: { prompt_tokens: 2000, completion_tokens: events.length, total_tokens: 2000 + events.length } });
  return events.map((event) => `data: ${JSON.stringify(event)}\n\n`).concat('data: [DONE]\n\n');
}

export default async function bench() {
  const text = replyText(30_000);
  const chunks = sseBody(text);
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      for (const chunk of chunks) response.write(chunk);
      response.end();
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${server.address().port}/v1`;
  const request = { system: 'You write Python modules.', messages: [{ role: 'user', content: 'Write the module.' }] };
  try {
    const model = resolveModel('openai:gpt-4.1', { env: { OPENAI_API_KEY: 'sk-bench-key-0000', OPENAI_BASE_URL: baseUrl } });
    let received = 0;
    const tasks = {
      raw: async () => {
        const response = await fetch(`${baseUrl}/chat/completions`, { method: 'POST', body: '{}' });
        await response.text();
      },
      sdk: async () => {
        const result = streamText({ model: createOpenAI({ baseURL: baseUrl, apiKey: 'sk-bench' }).chat('gpt-4.1'), ...request, maxRetries: 0 });
        for await (const part of result.fullStream) void part;
      },
      ours: async () => {
        const result = await model.complete({ ...request, onText: (delta) => { received += delta.length; } });
        if (result.finishReason !== 'stop' || result.text !== text) throw new Error(`bench: bad reply (${result.finishReason})`);
      },
    };
    // Interleaved (raw, sdk, ours, raw, …) so that load from other processes hits all three alike.
    const durations = { raw: [], sdk: [], ours: [] };
    for (let round = 0; round < RUNS + 2; round++) {
      for (const [name, task] of Object.entries(tasks)) {
        const started = performance.now();
        await task();
        if (round >= 2) durations[name].push(performance.now() - started);
      }
    }
    const { raw, sdk, ours } = durations;
    if (received === 0) throw new Error('bench: onText never called');
    console.log(`reply: ${(text.length / 1024).toFixed(1)} KB in ${chunks.length} SSE events (${CHARS_PER_TOKEN} chars each), fake server on 127.0.0.1`);
    report('raw fetch of the SSE body (transport floor)', raw);
    report('AI SDK streamText alone', sdk);
    report('backsmith model.complete (SDK + policy)', ours);
    console.log(`${'backsmith overhead over the SDK (median)'.padEnd(58)} ${(median(ours) - median(sdk)).toFixed(1)} ms`);
    console.log(`${'backsmith + SDK overhead over raw transport (median)'.padEnd(58)} ${(median(ours) - median(raw)).toFixed(1)} ms`);
  } finally {
    server.close();
  }
}
