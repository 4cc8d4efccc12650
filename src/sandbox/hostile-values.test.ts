import { describe, expect, it } from 'vitest';
import { runAcceptanceTests } from './run-tests.js';
import { resolveSandboxInterpreter, SYSTEM_PYTHON } from './resolve-interpreter.js';
import type { TestRunResult } from './runtime-types.js';
import { DEFAULT_SANDBOX_LIMITS } from './sandbox-types.js';
import { canSandbox, FIXTURES, fixture, inject, verifySource } from './test-support/runtime-fixtures.js';

// Values that cross the proxy as handles (objects of the module's classes) must not decide the
// test's comparisons: a result whose __eq__ says yes to anything would make every assertEqual pass.
const usable = await canSandbox();

async function run(module: string, tests: string, attack = 'none'): Promise<TestRunResult> {
  const source = inject(fixture(FIXTURES.hostile, module), 'ATTACK = "none"', `ATTACK = "${attack}"`);
  const { result, run: sandboxRun } = await runAcceptanceTests({
    interpreter: SYSTEM_PYTHON,
    module: { name: module, content: source },
    testFiles: [{ name: tests, content: fixture(FIXTURES.hostile, tests) }],
    runner: 'unittest',
    testSeconds: 3,
    limits: DEFAULT_SANDBOX_LIMITS,
    allowUnsandboxed: false,
  });
  expect(sandboxRun.leftoverProcesses).toBe(0);
  return result;
}

describe.skipIf(!usable)('handles from the module do not decide comparisons', () => {
  it('a result that equals, contains and outranks anything, or swallows assertion errors, fails every comparing test', { timeout: 60_000 }, async () => {
    const result = await run('lying_values.py', 'test_lying_values.py');
    expect(result.completed).toBe(true);
    expect(result.tests).toHaveLength(12);
    expect(result.tests.filter((test) => test.outcome === 'passed').map((test) => test.name)).toEqual([]);
  });
});

describe.skipIf(!usable)('honest objects still compare', () => {
  it('dataclass instances compare on their fields, a handle equals itself', { timeout: 60_000 }, async () => {
    const result = await run('honest_records.py', 'test_honest_records.py');
    expect(result.tests.map((test) => `${test.name} ${test.outcome}`)).toEqual(
      [1, 2, 3, 4, 5].map((n) => `test_us001_ac${n} passed`),
    );
  });
});

describe.skipIf(!usable)('a module process that dies never satisfies a test expecting an exception', () => {
  it('os._exit in a call under assertRaises(Exception) is an error, not a pass', { timeout: 60_000 }, async () => {
    const result = await run('tamper_tests.py', 'test_tamper_swallow.py', 'fd3-exit-mid-test');
    expect(result.tests.map((test) => `${test.name} ${test.outcome}`)).toEqual(['test_us001_ac1_any_error error']);
    expect(result.tests[0]?.message).toContain('the module process failed');
  });
});

describe.skipIf(!usable)('a module that plans its own probing away', () => {
  it('methods the probe reported nothing for fail the runtime stage (runtime/not-run)', { timeout: 60_000 }, async () => {
    const report = await verifySource('skip_probe_plans.py', fixture(FIXTURES.hostile, 'skip_probe_plans.py'));
    const notRun = report.findings.find((finding) => finding.checkId === 'runtime/not-run');
    expect(notRun?.message).toContain('ShoutService.shout');
    expect(report.passed).toBe(false);
    expect(report.findings.filter((finding) => finding.checkId === 'contract/exception-escapes')).toEqual([]);
  });
});

describe.skipIf(!usable)('a module that plans failing constructions for the probe', () => {
  it('the probe also builds the service without arguments and finds the escape', { timeout: 60_000 }, async () => {
    const report = await verifySource('dodge_probe_construct.py', fixture(FIXTURES.hostile, 'dodge_probe_construct.py'));
    expect(report.findings.filter((finding) => finding.checkId === 'contract/exception-escapes').map((finding) => finding.symbol)).toContain('ShoutService.shout');
    expect(report.passed).toBe(false);
  });
});

const pytestPython = await resolveSandboxInterpreter('python3', false, false);
const withPytest = usable && pytestPython.ok && pytestPython.interpreter.hasPytest;

describe.skipIf(!withPytest)('a star import cannot rebind the test file\'s pytest', () => {
  it('a module class named pytest is left out of `from module import *`', { timeout: 60_000 }, async () => {
    if (!pytestPython.ok) return;
    const { result } = await runAcceptanceTests({
      interpreter: pytestPython.interpreter.executable,
      module: { name: 'shadow_star_import.py', content: fixture(FIXTURES.hostile, 'shadow_star_import.py') },
      testFiles: [{ name: 'test_shadow_star_import.py', content: fixture(FIXTURES.hostile, 'test_shadow_star_import.py') }],
      runner: 'auto',
      testSeconds: 3,
      limits: DEFAULT_SANDBOX_LIMITS,
      allowUnsandboxed: false,
    });
    expect(result.runner).toBe('pytest');
    expect(result.tests.map((test) => test.outcome)).toHaveLength(1);
    expect(result.tests[0]?.outcome).not.toBe('passed');
    expect(result.tests[0]?.message).toContain('DID NOT RAISE');
  });
});
