import { fakeRuntime } from '../../../sandbox/test-support/fake-runtime.js';
import type { SandboxRunSummary } from '../../../sandbox/runtime-types.js';
import { testCheck } from '../../test-support/check-tester.js';
import { outputFlood } from './output-flood.js';

const MODULE = 'class Loud:\n    def shout(self) -> dict:\n        print("x" * 40_000_000)\n        return {}\n';
const MB = 1024 * 1024;
const run = (purpose: SandboxRunSummary['purpose'], stdoutBytes: number): SandboxRunSummary => ({
  purpose, durationMs: 100, exitCode: 0, signal: null, timedOut: false, stdoutBytes, stderrBytes: 0, outputTruncated: stdoutBytes > 65_536, sweptProcesses: 0, leftoverProcesses: 0,
});
const test = (name: string) => ({ id: name, name, file: 'test_x.py', outcome: 'passed' as const, message: '', line: 1, seconds: 0, story: null, criterion: null });

// Quiet runs, and a noisy import alone (runtime/import-error's warning, not a flood of the calls).
testCheck(outputFlood, { valid: [MODULE], invalid: [], prepare: (context) => ({ ...context, runtime: fakeRuntime({ outputChars: MB }, { outputChars: 2 * MB }) }) });
testCheck(outputFlood, {
  valid: [MODULE],
  invalid: [],
  prepare: (context) => ({ ...context, runtime: fakeRuntime({ outputChars: 100 * MB, import: { ok: true, seconds: 0.1, timedOut: false, stdoutChars: 100 * MB } }) }),
});
testCheck(outputFlood, {
  valid: [],
  invalid: [{
    name: 'captured prints in both stages, and raw writes to fd 1 during the tests',
    code: MODULE,
    findings: [
      { line: 0, messageIncludes: 'The module printed 80.0 MB during the contract probe (limit 4.0 MB, over 1 probed method)', symbol: '<output>' },
      { line: 0, messageIncludes: 'printed 130.0 MB during the acceptance tests (limit 4.0 MB, about 43.3 MB per test)' },
    ],
  }],
  prepare: (context) => {
    const runtime = fakeRuntime({ outputChars: 80 * MB, probed: ['Loud.shout'] }, { outputChars: 120 * MB, tests: [test('a'), test('b'), test('c')] });
    return { ...context, runtime: { ...runtime, sandbox: { ...runtime.sandbox, runs: [run('probe', 0), run('tests', 10 * MB)] } } };
  },
});
