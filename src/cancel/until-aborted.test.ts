import { describe, expect, it } from 'vitest';
import { CancelledError, untilAborted } from './until-aborted.js';

const never = () => new Promise<number>(() => undefined);

describe('untilAborted', () => {
  it('passes the work through when nothing aborts', async () => {
    expect(await untilAborted(Promise.resolve(4), new AbortController().signal)).toBe(4);
    await expect(untilAborted(Promise.reject(new Error('boom')), new AbortController().signal)).rejects.toThrow('boom');
    expect(await untilAborted(Promise.resolve(5), undefined)).toBe(5);
  });

  it('rejects with CancelledError at the abort, without waiting for the work', async () => {
    const controller = new AbortController();
    const pending = untilAborted(never(), controller.signal, 'verification');
    setTimeout(() => controller.abort(), 10);
    await expect(pending).rejects.toBeInstanceOf(CancelledError);
    await expect(untilAborted(never(), controller.signal, 'verification')).rejects.toThrow('cancelled during verification');
  });
});
