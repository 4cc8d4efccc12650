import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileWasm, compileWasmSync, tieringChosenByUser } from './wasm-tiers.js';

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

// Tests run with --liftoff-only (vitest.config.ts), under which flags are left alone: this one runs
// the built module in a plain node.
const BUILT = fileURLToPath(new URL('../../dist/python/wasm-tiers.js', import.meta.url));
const OVERLAPPING = `
import { compileWasm } from ${JSON.stringify(pathToFileURL(BUILT).href)};
const events = [];
let finishFirst;
const first = compileWasm('tiered', () => new Promise((resolve) => {
  events.push('first starts');
  finishFirst = () => { events.push('first ends'); resolve(); };
}));
const second = compileWasm('baseline', async () => { events.push('second starts'); });
await new Promise((resolve) => setTimeout(resolve, 50));
const before = [...events];
finishFirst();
await Promise.all([first, second]);
console.log(JSON.stringify({ before, after: events }));
`;

describe.runIf(existsSync(BUILT))('compileWasm on one thread', () => {
  it('runs a second asynchronous compile only once the first is done, so that no flag changes under one in flight', () => {
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', OVERLAPPING], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ before: ['first starts'], after: ['first starts', 'first ends', 'second starts'] });
  });
});
