import { fakeRuntime } from '../../../sandbox/test-support/fake-runtime.js';
import type { CheckContext } from '../../check-context.js';
import { testCheck } from '../../test-support/check-tester.js';
import { badResults } from './bad-results.js';
import { notRun } from './not-run.js';

const MODULE = 'X = 1\n';
const withRuntime = (runtime: ReturnType<typeof fakeRuntime>) => (context: CheckContext): CheckContext => ({ ...context, runtime });
const notRunRuntime = (why: string) => ({ ...fakeRuntime(), probe: null, notRun: { runtime: why, tests: null } });

testCheck(notRun, {
  valid: [MODULE],
  invalid: [],
  prepare: withRuntime(fakeRuntime()),
});
testCheck(notRun, {
  valid: [],
  invalid: [{ code: MODULE, findings: [{ line: 0, messageIncludes: 'The runtime stage did not run, so the module\'s behaviour was not checked: the sandbox failed: Maximum call stack size exceeded', symbol: '<runtime>' }] }],
  prepare: withRuntime(notRunRuntime('the sandbox failed: Maximum call stack size exceeded')),
});
testCheck(badResults, {
  valid: [MODULE],
  invalid: [],
  prepare: withRuntime(fakeRuntime({}, {})),
});
testCheck(badResults, {
  valid: [],
  invalid: [{
    code: MODULE,
    findings: [
      { line: 0, messageIncludes: "The probe results were forged or corrupted, so they cannot be trusted: probe run 1: record 3 lacks the run's secret", symbol: '<results>' },
      { line: 0, messageIncludes: 'The acceptance tests results were forged or corrupted, so they cannot be trusted: record 1 is nested more than 32 levels deep; r2; r3; r4; r5; and 2 more' },
    ],
  }],
  prepare: withRuntime(fakeRuntime(
    { recordProblems: ["probe run 1: record 3 lacks the run's secret"] },
    { recordProblems: ['record 1 is nested more than 32 levels deep', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7'] },
  )),
});
