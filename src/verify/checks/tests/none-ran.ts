import { defineCheck } from '../../check.js';

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
    return [{ message: `No acceptance test ran (${why}) in ${tests.files.join(', ')} with ${tests.runner ?? 'the test runner'}`, line: 0 }];
  },
});
