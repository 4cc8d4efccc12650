import { defineCheck, type CheckReport } from '../../check.js';
import { clip } from '../runtime/support/runtime-symbols.js';
import { testLabel } from './support/test-label.js';

/** The end of a long load error (pytest's report ends with the exception itself), shortened. */
function clipTail(text: string, length: number): string {
  const single = clip(text, Number.MAX_SAFE_INTEGER);
  return single.length > length ? `…${single.slice(single.length - length + 1)}` : single;
}

/** `tests/error`: acceptance tests must load and run without errors. */
export const error = defineCheck({
  id: 'tests/error',
  category: 'tests',
  severity: 'error',
  description: 'An acceptance test that raises an unexpected exception, times out, or a test file that cannot be loaded, means the criterion was not shown to hold.',
  fixHint: 'Read the exception: usually a name the tests import is missing from the module, a signature differs from the design, or a method raised.',
  requires: ['tests'],
  run(context) {
    const tests = context.runtime?.tests;
    if (!tests) return [];
    const reports: CheckReport[] = tests.tests
      .filter((test) => test.outcome === 'error')
      .map((test) => ({ message: `Acceptance test ${testLabel(test)} raised an error: ${clip(test.message, 300)}`, line: 0, symbol: test.name }));
    for (const problem of tests.collectErrors) {
      reports.push({ message: `Could not load the acceptance tests${problem.file ? ` (${problem.file})` : ''}: ${clipTail(problem.message, 300)}`, line: 0 });
    }
    if (!tests.completed && tests.incompleteReason) {
      reports.push({ message: `The acceptance test run did not finish: ${clip(tests.incompleteReason, 300)}; the remaining tests did not run`, line: 0 });
    }
    return reports;
  },
});
