import { describe, expect, it } from 'vitest';
import { resolveSandboxInterpreter, SYSTEM_PYTHON } from './resolve-interpreter.js';
import { runAcceptanceTests } from './run-tests.js';
import { DEFAULT_SANDBOX_LIMITS } from './sandbox-types.js';
import { canSandbox, FIXTURES, fixture } from './test-support/runtime-fixtures.js';
import { outcomesByName, runHostileTests } from './test-support/run-hostile-tests.js';

// The module's objects standing in for the tests' own machinery (test-fixtures/hostile/stand_ins.py):
// a `from module import *` rebinding skipIf or pytest.raises, a decorator that swaps the test body
// for a no-op of the module, a Mock the module reconfigures so its assertion passes, a class of the
// module named ValueError, a load_tests hook whose suite wrote a pass through the runner's reporter.
// Each of these made a failing test pass; now each fails or errors.
const usable = await canSandbox();
const pytestPython = await resolveSandboxInterpreter('python3', false, false);
const withPytest = usable && pytestPython.ok && pytestPython.interpreter.hasPytest;
const MODULE = 'stand_ins.py';

const run = (testFile: string, interpreter: string) => runHostileTests(MODULE, testFile, interpreter);
const outcomes = outcomesByName;

describe.skipIf(!usable)('module objects standing in for the tests (unittest)', () => {
  it('no test passes: rebinding, swapped bodies, Mock cover-ups and lookalike exceptions all fail', async () => {
    const result = await run('test_stand_ins.py', SYSTEM_PYTHON);
    const byName = outcomes(result);
    // Only the honest one: a domain function named like pytest's mark, which the tests did not take from pytest.
    expect(result.tests.filter((test) => test.outcome === 'passed').map((test) => test.name)).toEqual(['test_us001_ac5_domain_name_kept']);
    // `from module import *` no longer rebinds skipIf: the real test body runs and fails.
    expect(byName.test_us001_ac1_framework_name).toMatch(/^failed: AssertionError: 6 != 5/);
    // A decorator of the module, used by name, returned the module's no-op: named as replaced.
    expect(byName.test_us001_ac2_renamed_decorator).toMatch(/^error: the test's own code was replaced by an object of the module/);
    // configure_mock is refused to the module, so the wrong call stays visible.
    expect(byName.test_us001_ac3_mock_notified).toMatch(/^failed: AssertionError: expected call not found/);
    // A class of the module named ValueError is not the built-in: assertRaises(ValueError) does not catch it.
    expect(byName.test_us001_ac4_value_error).toMatch(/^error: Exception: negative/);
  });
});

describe.skipIf(!usable)("the runner's own objects handed to the module", () => {
  it("a load_tests of the module, imported by name, cannot write a pass through the runner's reporter", async () => {
    const { result } = await runAcceptanceTests({
      interpreter: SYSTEM_PYTHON,
      module: { name: MODULE, content: fixture(FIXTURES.hostile, MODULE) },
      testFiles: [{ name: 'test_stand_ins_hook.py', content: fixture(FIXTURES.hostile, 'test_stand_ins_hook.py') }],
      testSeconds: 5,
      limits: DEFAULT_SANDBOX_LIMITS,
      allowUnsandboxed: false,
    });
    expect(result.tests.filter((test) => test.outcome === 'passed')).toEqual([]);
    expect(result.collectErrors.map((error) => error.message).join('\n')).toContain("PermissionError: the test runner's own objects (and its file, process and interpreter functions) are not the module's to use");
  });
});

describe.skipIf(!usable)('objects of the tests as capabilities into the runner', () => {
  it('a Path crosses as data (the module writes in its own, guarded process); open and frames are refused', async () => {
    const { result } = await runAcceptanceTests({
      interpreter: SYSTEM_PYTHON,
      module: { name: 'path_capability.py', content: fixture(FIXTURES.hostile, 'path_capability.py') },
      testFiles: [{ name: 'test_path_capability.py', content: fixture(FIXTURES.hostile, 'test_path_capability.py') }],
      testSeconds: 5,
      limits: DEFAULT_SANDBOX_LIMITS,
      allowUnsandboxed: false,
    });
    // The tests assert the safe outcomes: a pathlib.PosixPath in the module, fd 3 not written, open refused,
    // no frame reached from a generator of the test.
    expect(result.tests.map((test) => `${test.name} ${test.outcome} ${test.message}`)).toEqual([
      'test_us001_ac1_export_to_a_path passed ', 'test_us001_ac2_opener_refused passed ', 'test_us001_ac3_generator_frames_refused passed ',
    ]);
    expect(result.recordProblems).toEqual([]);
    expect(result.blocked.filter((action) => action.inModule).map((action) => action.detail).join('\n')).toMatch(/open '\/proc\/\d+\/fd\/3' for writing/);
  });
});

describe.skipIf(!withPytest)('module objects standing in for the tests (pytest)', () => {
  it('pytest.raises and a test class survive `from module import *`', async () => {
    const result = await run('test_stand_ins_pytest.py', pytestPython.ok ? pytestPython.interpreter.executable : SYSTEM_PYTHON);
    const byName = outcomes(result);
    expect(result.runner).toBe('pytest');
    expect(result.tests.filter((test) => test.outcome === 'passed')).toEqual([]);
    expect(byName.test_us002_ac1_raises).toContain('DID NOT RAISE');
    expect(byName.test_us002_ac2_adds).toMatch(/^failed: assert 6 == 5/);
  });
});
