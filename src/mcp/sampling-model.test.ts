import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { describe, expect, it } from 'vitest';
import { ProviderError } from '../model/provider-error.js';
import { createSamplingModel } from './sampling-model.js';

type CreateMessage = Server['createMessage'];

function fakeServer(answer: (params: Parameters<CreateMessage>[0], options: Parameters<CreateMessage>[1]) => Promise<unknown>): { server: Server; calls: unknown[] } {
  const calls: unknown[] = [];
  const server = {
    createMessage: async (params: Parameters<CreateMessage>[0], options: Parameters<CreateMessage>[1]) => {
      calls.push({ params, options });
      return answer(params, options);
    },
  } as unknown as Server;
  return { server, calls };
}

const request = { system: 'You write Python.', messages: [{ role: 'user' as const, content: 'Write it.' }, { role: 'assistant' as const, content: 'x = 1' }, { role: 'user' as const, content: 'Fix it.' }] };

describe('createSamplingModel', () => {
  it('sends the system prompt and the conversation as sampling/createMessage, and returns the text', async () => {
    const { server, calls } = fakeServer(async () => ({ model: 'client-model', role: 'assistant', content: { type: 'text', text: 'print(1)\n' }, stopReason: 'endTurn' }));
    const model = createSamplingModel(server, { clientName: 'vscode' });
    const deltas: string[] = [];
    const result = await model.complete({ ...request, maxOutputTokens: 2000, temperature: 0.2, onText: (delta) => deltas.push(delta) });
    expect(model).toMatchObject({ provider: 'mcp-sampling', modelId: 'vscode', contextWindow: null });
    expect(result).toMatchObject({ text: 'print(1)\n', finishReason: 'stop', providerFinishReason: 'endTurn', attempts: 1, usage: { inputTokens: null, outputTokens: null } });
    expect(deltas).toEqual(['print(1)\n']);
    expect(calls[0]).toMatchObject({
      params: {
        systemPrompt: 'You write Python.', maxTokens: 2000, temperature: 0.2, includeContext: 'none',
        messages: [{ role: 'user', content: { type: 'text', text: 'Write it.' } }, { role: 'assistant', content: { type: 'text', text: 'x = 1' } }, { role: 'user', content: { type: 'text', text: 'Fix it.' } }],
      },
      options: { timeout: expect.any(Number) },
    });
  });

  it.each([
    ['endTurn', 'stop'], ['stopSequence', 'stop'], [undefined, 'stop'], ['maxTokens', 'length'], ['toolUse', 'other'],
  ])('maps stopReason %s to finishReason %s', async (stopReason, finishReason) => {
    const { server } = fakeServer(async () => ({ model: 'm', role: 'assistant', content: { type: 'text', text: 'x' }, ...(stopReason ? { stopReason } : {}) }));
    expect((await createSamplingModel(server).complete(request)).finishReason).toBe(finishReason);
  });

  it('joins the text blocks of a reply given as a list', async () => {
    const { server } = fakeServer(async () => ({ model: 'm', role: 'assistant', content: [{ type: 'text', text: 'a = 1\n' }, { type: 'text', text: 'b = 2\n' }] }));
    expect((await createSamplingModel(server).complete(request)).text).toBe('a = 1\nb = 2\n');
  });

  it('fails with a ProviderError when the client declines or replies without text', async () => {
    const declined = fakeServer(async () => {
      throw new Error('MCP error -1: User rejected sampling request');
    });
    await expect(createSamplingModel(declined.server).complete(request)).rejects.toThrow(ProviderError);
    await expect(createSamplingModel(declined.server).complete(request)).rejects.toThrow(/^The MCP client's model did not answer \(sampling\/createMessage\): MCP error -1: User rejected sampling request$/);
    const image = fakeServer(async () => ({ model: 'm', role: 'assistant', content: { type: 'image', data: 'AA==', mimeType: 'image/png' } }));
    await expect(createSamplingModel(image.server).complete(request)).rejects.toThrow(/replied without text/);
  });

  it('returns an aborted result when cancelled, before or during the request', async () => {
    const controller = new AbortController();
    controller.abort();
    const never = fakeServer(async () => new Promise(() => undefined));
    expect((await createSamplingModel(never.server).complete({ ...request, signal: controller.signal })).finishReason).toBe('aborted');
    expect(never.calls).toHaveLength(0);
    const during = new AbortController();
    const rejecting = fakeServer(async (_params, options) => new Promise((_resolve, reject) => options!.signal!.addEventListener('abort', () => reject(new Error('aborted')))));
    const pending = createSamplingModel(rejecting.server).complete({ ...request, signal: during.signal });
    during.abort();
    expect((await pending).finishReason).toBe('aborted');
  });
});
