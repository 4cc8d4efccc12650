import { describe, expect, it } from 'vitest';
import { runAcceptanceTests } from './run-tests.js';
import { SYSTEM_PYTHON } from './resolve-interpreter.js';
import type { TestRunResult } from './runtime-types.js';
import { DEFAULT_SANDBOX_LIMITS } from './sandbox-types.js';
import { canSandbox, FIXTURES, fixture, inject, verifySource } from './test-support/runtime-fixtures.js';

// The acceptance tests run in a trusted process; the module runs in its own process behind a
// proxy. A wrong module that tampers with the test machinery, the result channel or the runner
// process itself must never turn its failing tests into passes.
const usable = await canSandbox();
const MODULE = 'tamper_tests.py';

async function runAttack(attack: string, tests = ['test_tamper_tests.py'], testSeconds = 3, allowNativeCode = false): Promise<TestRunResult> {
  const source = inject(fixture(FIXTURES.hostile, MODULE), 'ATTACK = "none"', `ATTACK = "${attack}"`);
  const { result, run } = await runAcceptanceTests({
    interpreter: SYSTEM_PYTHON,
    module: { name: MODULE, content: source },
    testFiles: tests.map((name) => ({ name, content: fixture(FIXTURES.hostile, name) })),
    runner: 'unittest',
    testSeconds,
    limits: DEFAULT_SANDBOX_LIMITS,
    allowUnsandboxed: false,
    allowNativeCode,
  });
  expect(run.leftoverProcesses).toBe(0);
  return result;
}

const outcomes = (result: TestRunResult) => result.tests.map((test) => `${test.name} ${test.outcome}`);

describe.skipIf(!usable)('trusted test runner against a module that tampers with its tests', () => {
  it('the honest run of the wrong module fails all three tests (the baseline)', async () => {
    const result = await runAttack('none');
    expect(outcomes(result)).toEqual(['test_us001_ac1 failed', 'test_us001_ac2 failed', 'test_us001_ac3 failed']);
    expect(result.completed).toBe(true);
  });

  it.each([
    ['assertions', 'replacing assertEqual, assertTrue and assertRaises at import'],
    ['result-writer', 'wrapping every result writer found through sys.modules and gc'],
    ['parent-fd', 'opening the runner\'s fd 3 through /proc, then patching assertions'],
  ])('%s: %s changes nothing, every test still fails', async (attack) => {
    const result = await runAttack(attack);
    expect(outcomes(result)).toEqual(['test_us001_ac1 failed', 'test_us001_ac2 failed', 'test_us001_ac3 failed']);
    expect(result.completed).toBe(true);
  });

  it('fd3-exit: forged records on every descriptor and os._exit(0) at import give an import error, no pass', async () => {
    const result = await runAttack('fd3-exit');
    expect(result.tests.filter((test) => test.outcome === 'passed')).toEqual([]);
    expect(result.collectErrors.map((error) => error.message).join('\n')).toContain('the module process failed');
  });

  it('fd3-exit-mid-test: forged records and os._exit(0) during a call make that test an error', async () => {
    const result = await runAttack('fd3-exit-mid-test');
    expect(outcomes(result)).toEqual(['test_us001_ac1 error', 'test_us001_ac2 error', 'test_us001_ac3 failed']);
    expect(result.tests[0]?.message).toContain('the module process failed');
  });

  it('kill-parent: killing the runner from the module (libc through ctypes) leaves the run incomplete, never passed', async () => {
    // The wall behind the audit hook: ctypes allowed here, as verify never allows it.
    const result = await runAttack('kill-parent', undefined, undefined, true);
    expect(result.completed).toBe(false);
    expect(result.tests.filter((test) => test.outcome === 'passed')).toEqual([]);
  });

  it('kill-parent: as verify runs it, ctypes is refused at its import and reported; no test passes', async () => {
    const result = await runAttack('kill-parent');
    expect(result.completed).toBe(true);
    expect(result.tests.filter((test) => test.outcome === 'passed')).toEqual([]);
    expect(result.blocked.filter((action) => action.kind === 'native').map((action) => action.detail)).toEqual(['import ctypes']);
  });

  it('the module process sees neither the runner\'s descriptors nor its memory', async () => {
    const result = await runAttack('none', ['test_tamper_peek.py']);
    expect(outcomes(result)).toEqual(['test_us001_ac1_parent_is_opaque passed']);
  });

  it('a hang in the module is cut at the test limit and reported with where it was stuck', async () => {
    const result = await runAttack('hang', ['test_tamper_tests.py'], 1);
    expect(result.completed).toBe(true);
    expect(outcomes(result)).toEqual(['test_us001_ac1 error', 'test_us001_ac2 error', 'test_us001_ac3 failed']);
    expect(result.tests[0]?.message).toMatch(/the module was stuck in _spin_forever at line 7[89], called from _attack \(line 84\), called from add \(line 1\d\d\)/);
  });

  it('a hang never passes a test that expects any exception (the time-limit error is not the module\'s)', async () => {
    const result = await runAttack('hang', ['test_tamper_swallow.py'], 1);
    expect(outcomes(result)).toEqual(['test_us001_ac1_any_error error']);
    expect(result.tests[0]?.message).toContain('caught the time-limit error; the module was stuck in _spin_forever');
  });

  it('a file that patches the module runs in-process, says so, and its tests are marked', async () => {
    const result = await runAttack('none', ['test_tamper_tests.py', 'test_tamper_patched.py']);
    expect(outcomes(result)).toEqual(['test_us001_ac1 failed', 'test_us001_ac2 failed', 'test_us001_ac3 failed', 'test_us001_ac1_patched passed']);
    expect(result.inProcess).toEqual([{ file: 'test_tamper_patched.py', reason: expect.stringContaining("mock.patch('tamper_tests.ATTACK') patches the module") }]);
  });
});

describe.skipIf(!usable)('trusted contract probe against a module that hides its escaping exceptions', () => {
  it('patching the probe and its result writers from the module hides nothing', async () => {
    const report = await verifySource('tamper_probe.py', fixture(FIXTURES.hostile, 'tamper_probe.py'));
    expect(report.sandbox?.status).toBe('ran');
    expect(report.passed).toBe(false);
    const escapes = report.findings.filter((finding) => finding.checkId === 'contract/exception-escapes' && finding.symbol === 'ShoutService.shout');
    expect(escapes.map((finding) => finding.message).join('\n')).toContain("AttributeError: 'NoneType' object has no attribute 'upper'");
  });
});
