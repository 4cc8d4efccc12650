import { describe, expect, it } from 'vitest';
import { readPythonModule as readModule } from './read-module.js';
import { readTableCallables, tableCallKey } from './table-callables.js';

/** A module with `entryCount` validator lambdas in a table and `size` functions calling them through a local name. */
function moduleOf(size: number, entryCount = size): string {
  const entries = Array.from({ length: entryCount }, (_, index) => `    "f${index}": lambda value: len(value) > ${index},`).join('\n');
  // Every other function looks up a computed key: it may run any entry.
  const functions = Array.from({ length: size }, (_, index) => `def check_${index}(value, key):\n    validator = VALIDATORS[${index % 2 ? 'key' : `"f${index % entryCount}"`}]\n    return validator(value)\n`).join('\n');
  return `VALIDATORS = {\n${entries}\n}\n\n${functions}`;
}

function cpuOf(run: () => Promise<unknown>): Promise<number> {
  const started = process.cpuUsage();
  return run().then(() => {
    const { user, system } = process.cpuUsage(started);
    return (user + system) / 1000;
  });
}

describe('readTableCallables', () => {
  it('reads the lambdas a call of a table entry runs', async () => {
    const module = await readModule(moduleOf(3));
    const found = await readTableCallables(module);
    // check_0 looks up "f0": that entry only; check_1 a computed key: any entry.
    const literal = found.get(tableCallKey(9, 'validator'));
    expect(literal?.map((target) => target.kind === 'lambda' && target.line)).toEqual([2]);
    expect(literal?.[0]?.kind === 'lambda' && literal[0].body.calls.map((call) => call.callee)).toEqual(['len']);
    expect(found.get(tableCallKey(13, 'validator'))?.length).toBe(3);
  });

  it('does not parse again a module with no table (nothing found, nothing asked)', async () => {
    const module = await readModule('def f(value):\n    return len(value)\n');
    expect((await readTableCallables(module)).size).toBe(0);
  });

  it('costs time linear in the module (four times the entries, well under sixteen times the CPU)', async () => {
    const small = await readModule(moduleOf(500, 400));
    const large = await readModule(moduleOf(2000, 400));
    await readTableCallables(await readModule(moduleOf(50)));
    const smallCpu = await cpuOf(() => readTableCallables(small));
    const largeCpu = await cpuOf(() => readTableCallables(large));
    expect((await readTableCallables(large)).size).toBe(2000);
    expect(largeCpu).toBeLessThan(Math.max(smallCpu, 20) * 10);
  });

  it('stays within the stack on entries nested far deeper than any module (lambdas in lambdas, brackets)', async () => {
    const lambdas = `${'lambda value: '.repeat(5000)}value`;
    const brackets = `lambda value: ${'('.repeat(5000)}value${')'.repeat(5000)}`;
    const module = await readModule(`RULES = [(${lambdas}, "a"), (${brackets}, "b")]\n\ndef check_all(value):\n    for check, message in RULES:\n        check(value)\n`);
    const started = process.cpuUsage();
    const found = await readTableCallables(module);
    const { user, system } = process.cpuUsage(started);
    expect(found.size).toBeLessThanOrEqual(1);
    expect((user + system) / 1000).toBeLessThan(2000);
  });
});
