import type { TestRunResult } from '../../../sandbox/runtime-types.js';
import { defineCheck } from '../../check.js';

/**
 * The hint for files that do hold tests: the generic one ("give files with tests") would be wrong.
 * Pytest-style tests under an interpreter without pytest are reported unreported with why.
 */
function specificHint(tests: TestRunResult, interpreter: string | null): string | null {
  const pytestStyle = tests.unreported.filter((key) => key.includes('(pytest-style, and the interpreter has no pytest)')).length;
  if (pytestStyle > 0) {
    const python = interpreter ?? 'python3';
    return `The test files hold ${pytestStyle} pytest-style test${pytestStyle === 1 ? '' : 's'}, but ${interpreter ?? 'the interpreter'} has no pytest: install it for that interpreter (\`${python} -m pip install pytest\`), pass --python with an interpreter that has pytest, or write the tests as unittest.TestCase methods.`;
  }
  const counted = tests.expected?.length ?? 0;
  if (counted > 0) return `The test files define ${counted} test${counted === 1 ? '' : 's'}, yet none ran: make sure they import without errors (see tests/error) and are not all skipped.`;
  return null;
}

/** `tests/none-ran`: zero acceptance tests run is a finding, never a pass. */
export const noneRan = defineCheck({
  id: 'tests/none-ran',
  category: 'tests',
  severity: 'error',
  description: 'When --tests is given, at least one acceptance test must actually run: tests that were not collected, or were all skipped, prove nothing.',
  fixHint: 'Give files with unittest TestCase classes or pytest test_ functions (named test_*), and make sure they import without errors.',
  requires: ['tests'],
  run(context) {
    const tests = context.runtime?.tests;
    if (!tests || tests.ran > 0) return [];
    const skipped = tests.tests.filter((test) => test.outcome === 'skipped').length;
    const why = skipped > 0 ? `all ${skipped} collected tests were skipped` : 'no test was collected';
    const hint = specificHint(tests, context.runtime?.sandbox.interpreter?.executable ?? null);
    return [{ message: `No acceptance test ran (${why}) in ${tests.files.join(', ')} with ${tests.runner ?? 'the test runner'}`, line: 0, ...(hint ? { hint } : {}) }];
  },
});
