import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveSandboxInterpreter, SYSTEM_PYTHON } from './resolve-interpreter.js';
import { canSandbox, FIXTURES, findingKeys, fixture, verifySource } from './test-support/runtime-fixtures.js';
import { outcomesByName, runHostileTests } from './test-support/run-hostile-tests.js';

// Round three of a hostile module against the trusted runner: an output flood hidden from a count
// kept in its own process or sent as log records, skips and swallowed assertions the module caused,
// test bodies swapped by star-imported decorators, and a test's sqlite3 connection or socket used in
// the runner. Each made a wrong module pass; each is replayed here through the real sandbox.
const usable = await canSandbox();
const pytestPython = await resolveSandboxInterpreter('python3', false, false);
const withPytest = usable && pytestPython.ok && pytestPython.interpreter.hasPytest;

const run = runHostileTests;
const outcomes = outcomesByName;

describe.skipIf(!usable)('round three: what the module hides or causes', () => {
  it('prints counted in its own process and then reset, and log records, still count toward runtime/output-flood', async () => {
    const report = await verifySource('hide_flood.py', fixture(FIXTURES.hostile, 'hide_flood.py'), { tests: [path.join(FIXTURES.hostile, 'test_hide_flood.py')] });
    expect(report.sandbox?.tests).toMatchObject({ ran: 3, passed: 2, errors: 1 });
    // An error log hidden from assertNoLogs behind 10 000 tiny records (past them records are not re-emitted) had passed.
    expect(report.findings.find((finding) => finding.checkId === 'tests/error')?.message).toMatch(/the module logged more than 10000 records/);
    expect(report.passed).toBe(false);
    const message = report.findings.filter((finding) => finding.checkId === 'runtime/output-flood').map((finding) => finding.message).join('\n');
    expect(message).toMatch(/printed 1\d\.\d MB during the acceptance tests/);
    expect(message).toMatch(/printed \d+\.\d MB during the contract probe/);
    // Nothing of it reached the host's pipes: it was counted and dropped in the trusted process.
    expect(report.sandbox?.runs.every((run) => run.stdoutBytes + run.stderrBytes === 0)).toBe(true);
  });

  it('a skip or a swallowed assertion the module caused is an error; the author\'s own skip stays a skip', async () => {
    const result = await run('skip_by_module.py', 'test_skip_by_module.py');
    const byName = outcomes(result);
    expect(result.tests.filter((test) => test.outcome === 'passed').map((test) => test.name)).toEqual(['test_us001_ac6_honest']);
    expect(result.tests.filter((test) => test.outcome === 'skipped').map((test) => test.name)).toEqual(['test_us001_ac5_authors_skip']);
    // The test's callback skipped (or asserted) inside the module's call, and the module swallowed it: it had passed.
    expect(byName.test_us001_ac1_callback_skips).toMatch(/^error: the test's code raised SkipTest: no value yet inside a call of the module/);
    expect(byName.test_us001_ac2_callback_asserts).toMatch(/^error: the test's code raised AssertionError: 4 != 5 inside a call of the module/);
    // unittest.SkipTest raised by the module is an exception of the module, not a skip.
    expect(byName.test_us001_ac3_module_raises_skip).toMatch(/^error: Exception: the total is not available here/);
    // The test skipped on the module's answer: it had been a silent skip.
    expect(byName.test_us001_ac4_skip_on_answer).toMatch(/^error: the test was skipped \(latest is not implemented\) after it called the module/);
  });

  it('decorators of the module (star-imported over unittest\'s, or by name) cannot swap a test\'s body', async () => {
    const result = await run('swap_bodies.py', 'test_swap_bodies.py');
    const byName = outcomes(result);
    // `from unittest import *` keeps unittest's skipIf: the real body runs and fails (the module's returned `object`, which passed).
    expect(byName.test_us001_ac2_next).toMatch(/^failed: AssertionError: 3 != 2/);
    // A body the module handed back, its own or another test's (ac3 ran ac1's and passed), proves nothing.
    expect(byName.test_us001_ac1_trivial).toMatch(/^error: the test's own code was replaced by an object of the module/);
    expect(byName.test_us001_ac3_next_again).toMatch(/^error: the test's own code was replaced by an object of the module/);
  });

  it('names the test file binds itself (`from datetime import date`, a helper) are not rebound by `from module import *`; a dataclass comparing no field is never equal', async () => {
    const result = await run('shadow_test_names.py', 'test_shadow_test_names.py');
    const byName = outcomes(result);
    // The module's field-less `date` dataclass made every date equal, and its `expect_ok` asserted nothing: both passed.
    expect(byName.test_us001_ac1_due_in_two_weeks).toMatch(/^failed: AssertionError: <date object \(in the module process\)>|^failed: AssertionError: .* != datetime\.date\(2024, 1, 15\)/);
    expect(byName.test_us001_ac2_lend).toMatch(/^failed: AssertionError: False is not true : refused/);
    // Its dataclass with no compared field: two handles of it compared equal on zero fields; now only identity is equal.
    expect(byName.test_us001_ac3_loan).toMatch(/^failed: AssertionError: <Loan|^failed: AssertionError: Loan\(/);
  });

  it('a sqlite3 connection or a socket of the test is refused to the module', async () => {
    const result = await run('capability_objects.py', 'test_capability_objects.py');
    // The tests assert the refusal; before, the connection wrote home/planted.db from the runner, and the socket answered.
    expect(result.tests.map((test) => `${test.name} ${test.outcome} ${test.message}`)).toEqual([
      'test_us001_ac1_connection_refused passed ', 'test_us001_ac2_socket_refused passed ',
    ]);
  });
});

describe.skipIf(!withPytest)('round three under pytest', () => {
  it('pytest.skip from a callback or after the module answered is an error; a skip mark stays a skip', async () => {
    const result = await run('skip_by_module.py', 'test_skip_by_module_pytest.py', pytestPython.ok ? pytestPython.interpreter.executable : SYSTEM_PYTHON);
    const byName = outcomes(result);
    expect(result.runner).toBe('pytest');
    expect(byName.test_us002_ac1_callback_skips).toMatch(/^error: the test's code raised Skipped: no value yet inside a call of the module/);
    expect(byName.test_us002_ac2_skip_on_answer).toMatch(/^error: the test was skipped \((Skipped: )?latest is not implemented\) after it called the module/);
    expect(byName.test_us002_ac3_authors_skip).toBe("skipped: Skipped: the author's own decision");
    expect(byName.test_us002_ac4_honest).toBe('passed: ');
    // Parametrized over the module's empty list: pytest skipped it, so no case ran.
    expect(Object.entries(byName).filter(([name]) => name.startsWith('test_us002_ac5_each_size')).map(([, outcome]) => outcome))
      .toEqual([expect.stringMatching(/^error: .*got empty parameter set/)]);
  });
});
