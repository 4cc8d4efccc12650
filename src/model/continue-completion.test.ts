import { afterEach, describe, expect, it } from 'vitest';
import { completeWithContinuation, CONTINUE_PROMPT, stitchContinuation } from './continue-completion.js';
import { resolveModel } from './resolve-model.js';
import { createScriptedModel } from './scripted-model.js';
import { anthropicStreamEvents, startAnthropicServer } from './test-support/anthropic-wire.js';
import type { FakeServer } from './test-support/fake-http-server.js';
import { streamedText, wireFixture } from './test-support/wire-fixture.js';

const request = { system: 'sys', messages: [{ role: 'user' as const, content: 'write it' }] };

describe('stitchContinuation', () => {
  it.each([
    ['plain continuation', '```python\ndef f():\n    return ', '1\n```', '```python\ndef f():\n    return 1\n```'],
    ['repeated tail', 'class A:\n    def find(self, email', 'def find(self, email: str) -> None:\n        pass\n', 'class A:\n    def find(self, email: str) -> None:\n        pass\n'],
    ['reopened fence', '```python\nx = 1\ny = ', '```python\n2\n```', '```python\nx = 1\ny = 2\n```'],
    ['restarted cut line', 'a = 1\nb = comp', 'b = compute()\n', 'a = 1\nb = compute()\n'],
    ['bare reopened fence', '```python\nx = 1\n', '```\ny = 2\n```\n', '```python\nx = 1\ny = 2\n```\n'],
    ['closing fence is the continuation', '```python\nx = 1\n', '```\n', '```python\nx = 1\n```\n'],
    ['closed fence is kept', '```python\nx = 1\n```\nMore', '```python\ny = 2\n```', '```python\nx = 1\n```\nMore```python\ny = 2\n```'],
  ])('%s', (_name, previous, continuation, expected) => {
    expect(stitchContinuation(previous, continuation)).toBe(expected);
  });
});

describe('completeWithContinuation', () => {
  it('asks to continue while the reply stops at the length limit, and sums usage', async () => {
    const model = createScriptedModel([
      { text: '```python\ndef f():\n', finishReason: 'length', usage: { inputTokens: 100, outputTokens: 10 } },
      { text: '    return 1\n', finishReason: 'length', usage: { inputTokens: 120, outputTokens: 5 } },
      { text: '```\n', usage: { inputTokens: 130, outputTokens: 2 } },
    ]);
    const result = await completeWithContinuation(model, request);
    expect(result).toMatchObject({ text: '```python\ndef f():\n    return 1\n```\n', finishReason: 'stop', continuations: 2, attempts: 3 });
    expect(result.usage).toEqual({ inputTokens: 350, outputTokens: 17 });
    expect(model.requests[1]?.messages).toEqual([...request.messages, { role: 'assistant', content: '```python\ndef f():\n' }, { role: 'user', content: CONTINUE_PROMPT }]);
  });

  it("stays 'length' when the bound is reached, and does not continue an aborted reply", async () => {
    const cut = { text: 'x', finishReason: 'length' as const };
    const bounded = await completeWithContinuation(createScriptedModel([cut, cut]), request, { maxContinuations: 1 });
    expect(bounded).toMatchObject({ finishReason: 'length', continuations: 1 });
    const aborted = createScriptedModel([{ text: 'partial', finishReason: 'aborted' }]);
    expect(await completeWithContinuation(aborted, request)).toMatchObject({ finishReason: 'aborted', continuations: 0 });
    expect(aborted.requests).toHaveLength(1);
  });
});

describe('completeWithContinuation against the fake Anthropic server', () => {
  let server: FakeServer | undefined;
  afterEach(() => server?.close());

  it("turns a 'max_tokens' reply plus its continuation into the whole module", async () => {
    const full = streamedText(wireFixture('anthropic/fenced-code.sse'));
    const cut = streamedText(wireFixture('anthropic/length-limit.sse'));
    // The model restarts the cut line, as models do.
    const restart = full.slice(cut.lastIndexOf('\n') + 1);
    server = await startAnthropicServer([wireFixture('anthropic/length-limit.sse'), { events: anthropicStreamEvents(restart) }]);
    const model = resolveModel('anthropic:claude-sonnet-4-20250514', { env: { ANTHROPIC_API_KEY: 'sk-ant-test-0123456789', ANTHROPIC_BASE_URL: server.baseUrl } });
    const result = await completeWithContinuation(model, request);
    expect(result).toMatchObject({ text: full, finishReason: 'stop', continuations: 1, attempts: 2 });
    const second = server.requests[1]?.body as { messages: { role: string }[] };
    expect(second.messages.map((message) => message.role)).toEqual(['user', 'assistant', 'user']);
  });
});
