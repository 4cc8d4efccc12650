import { describe, expect, it } from 'vitest';
import { createScriptedModel } from './scripted-model.js';

const request = { system: 'sys', messages: [{ role: 'user' as const, content: 'write it' }] };

describe('createScriptedModel', () => {
  it('replays replies in order, streams deltas and records requests', async () => {
    const model = createScriptedModel(['first', { text: 'cut', finishReason: 'length', usage: { outputTokens: 7 } }]);
    const deltas: string[] = [];
    const first = await model.complete({ ...request, onText: (delta) => deltas.push(delta) });
    expect(first).toMatchObject({ text: 'first', finishReason: 'stop', attempts: 1 });
    expect(deltas.join('')).toBe('first');
    const second = await model.complete(request);
    expect(second).toMatchObject({ text: 'cut', finishReason: 'length', usage: { outputTokens: 7 } });
    expect(model.requests).toHaveLength(2);
    expect(model.requests[0]?.messages[0]?.content).toBe('write it');
    expect(model.remaining()).toBe(0);
    await expect(model.complete(request)).rejects.toThrow(/no reply left/);
  });

  it('repeats the last reply when asked, and throws scripted errors', async () => {
    const model = createScriptedModel(['same'], { whenExhausted: 'repeat-last' });
    await model.complete(request);
    expect((await model.complete(request)).text).toBe('same');
    const failing = createScriptedModel([{ text: '', error: new Error('provider down') }]);
    await expect(failing.complete(request)).rejects.toThrow('provider down');
  });

  it('reports an aborted request as aborted', async () => {
    const model = createScriptedModel(['never']);
    const controller = new AbortController();
    controller.abort();
    expect((await model.complete({ ...request, signal: controller.signal })).finishReason).toBe('aborted');
  });
});
