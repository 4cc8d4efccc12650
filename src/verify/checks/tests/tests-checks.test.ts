import type { TestCaseResult } from '../../../sandbox/runtime-types.js';
import { fakeRuntime } from '../../../sandbox/test-support/fake-runtime.js';
import { testCheck } from '../../test-support/check-tester.js';
import { error } from './error.js';
import { failed } from './failed.js';
import { inProcess } from './in-process.js';
import { noneRan } from './none-ran.js';
import { notRun } from './not-run.js';
import { unreported } from './unreported.js';

const MODULE = 'X = 1\n';
const test = (name: string, outcome: TestCaseResult['outcome'], message = ''): TestCaseResult => ({
  id: `t.${name}`, name, file: 'test_x.py', outcome, message, line: 12, seconds: 0, story: 'US-003', criterion: 'AC2',
});
const run = [test('test_us003_ac2_ok', 'passed'), test('test_us003_ac2_total', 'failed', 'AssertionError: 4 != 5'), test('test_us003_ac2_boom', 'error', 'KeyError: x')];

testCheck(failed, {
  valid: [],
  invalid: [{ code: MODULE, findings: [{ line: 0, messageIncludes: 'test_us003_ac2_total (US-003 AC2, test_x.py:12) failed: AssertionError: 4 != 5', symbol: 'test_us003_ac2_total' }] }],
  prepare: (context) => ({ ...context, runtime: fakeRuntime({}, { tests: run, ran: 3 }) }),
});
testCheck(error, {
  valid: [],
  invalid: [{
    code: MODULE,
    findings: [
      { line: 0, messageIncludes: 'test_us003_ac2_boom (US-003 AC2, test_x.py:12) raised an error: KeyError: x' },
      { line: 0, messageIncludes: 'Could not load the acceptance tests (test_y): ImportError' },
      { line: 0, messageIncludes: 'did not finish: the test run was killed after 30 s' },
    ],
  }],
  prepare: (context) => ({
    ...context,
    runtime: fakeRuntime({}, { tests: run, ran: 3, collectErrors: [{ file: 'test_y', message: 'ImportError: nope' }], completed: false, incompleteReason: 'the test run was killed after 30 s' }),
  }),
});
testCheck(noneRan, {
  valid: [],
  invalid: [{ code: MODULE, findings: [{ line: 0, messageIncludes: 'No acceptance test ran (all 1 collected tests were skipped)' }] }],
  prepare: (context) => ({ ...context, runtime: fakeRuntime({}, { tests: [test('test_later', 'skipped')], ran: 0 }) }),
});
testCheck(noneRan, { valid: [MODULE], invalid: [], prepare: (context) => ({ ...context, runtime: fakeRuntime({}, { tests: run, ran: 3 }) }) });
testCheck(notRun, { valid: [MODULE], invalid: [], prepare: (context) => ({ ...context, runtime: fakeRuntime({}, { tests: run, ran: 3 }) }) });
testCheck(notRun, {
  valid: [],
  invalid: [{ code: MODULE, findings: [{ line: 0, messageIncludes: 'The acceptance tests did not run: the interpreter /root/venv/bin/python cannot be used by the sandbox user', symbol: '<tests>' }] }],
  prepare: (context) => ({
    ...context,
    runtime: { ...fakeRuntime(), tests: null, notRun: { runtime: 'x', tests: 'the interpreter /root/venv/bin/python cannot be used by the sandbox user' } },
  }),
});
const counted = ['test_x.py::T::test_us003_ac2_ok', 'test_x.py::T::test_us003_ac2_total', 'test_x.py::T::test_us003_ac2_boom', 'test_x.py::T::test_gone'];
testCheck(unreported, { valid: [MODULE], invalid: [], prepare: (context) => ({ ...context, runtime: fakeRuntime({}, { tests: run, ran: 3, expected: counted.slice(0, 3) }) }) });
testCheck(unreported, {
  valid: [],
  invalid: [{
    code: MODULE,
    findings: [
      { line: 0, messageIncludes: '1 of 4 acceptance tests found in the files never reported an outcome: test_x.py::T::test_gone', symbol: '<tests>' },
      { line: 0, messageIncludes: 'The test run reported 1 tests the files do not define: t.test_forged' },
    ],
  }],
  prepare: (context) => ({ ...context, runtime: fakeRuntime({}, { tests: run, ran: 3, expected: counted, unreported: ['test_x.py::T::test_gone'], unknown: ['t.test_forged'] }) }),
});
testCheck(inProcess, { valid: [MODULE], invalid: [], prepare: (context) => ({ ...context, runtime: fakeRuntime({}, { tests: run, ran: 3, inProcess: [] }) }) });
testCheck(inProcess, {
  valid: [],
  invalid: [{
    code: MODULE,
    findings: [{ line: 0, severity: 'error', messageIncludes: "Tests in test_x.py ran in the module's own process, so their results could be forged and are not trusted: line 9: mock.patch('x.CLOCK') patches the module", symbol: '<tests>' }],
  }],
  prepare: (context) => ({ ...context, runtime: fakeRuntime({}, { tests: run, ran: 3, inProcess: [{ file: 'test_x.py', reason: "line 9: mock.patch('x.CLOCK') patches the module" }] }) }),
});
