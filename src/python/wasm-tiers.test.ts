import { describe, expect, it } from 'vitest';
import { compileWasm, compileWasmSync, releaseWasmTierLockOf, tieringChosenByUser, wasmTierLock } from './wasm-tiers.js';

describe('tieringChosenByUser', () => {
  it.each([
    [[], '', false],
    [['--liftoff-only'], '', true],
    [[], '--max-old-space-size=4096 --liftoff-only', true],
    [['--liftoff_only'], '', true],
    [['--no-liftoff'], '', true],
    [['--no-wasm-dynamic-tiering'], '', true],
    [['--wasm-tiering-budget=5'], '', true],
    [['--wasm-lazy-validation'], '', false],
    [['--liftoff-onlyish'], '', false],
    [['--enable-source-maps', '--import', 'tsx'], '--inspect', false],
  ])('execArgv %j with NODE_OPTIONS %j → %s', (execArgv, nodeOptions, expected) => {
    expect(tieringChosenByUser(execArgv, nodeOptions)).toBe(expected);
  });
});

describe('compileWasm', () => {
  it('hands back what the compile made, and lets the next compile go ahead after a failure', async () => {
    expect(compileWasmSync('baseline', () => 41) + 1).toBe(42);
    await expect(compileWasm('tiered', () => Promise.reject(new Error('bad wasm')))).rejects.toThrow('bad wasm');
    expect(() => compileWasmSync('baseline', () => { throw new Error('bad too'); })).toThrow('bad too');
    const started = Date.now();
    expect(await compileWasm('tiered', async () => 'made')).toBe('made');
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});

describe('releaseWasmTierLockOf', () => {
  it('frees a lock left held by a thread that ended, and leaves one held by another thread', () => {
    const lock = new Int32Array(wasmTierLock());
    Atomics.store(lock, 0, 7 + 1);
    releaseWasmTierLockOf(9);
    expect(Atomics.load(lock, 0)).toBe(8);
    releaseWasmTierLockOf(7);
    expect(Atomics.load(lock, 0)).toBe(0);
  });
});
