import { defineCheck } from '../../check.js';
import { clip } from '../runtime/support/runtime-symbols.js';
import { testLabel } from './support/test-label.js';

/** `tests/failed`: every acceptance test must pass. */
export const failed = defineCheck({
  id: 'tests/failed',
  category: 'tests',
  severity: 'error',
  description: 'The acceptance tests given with --tests run against the module in the sandbox; a failing assertion means an acceptance criterion is not met.',
  fixHint: 'Change the module so the criterion named in the test holds (the assertion message shows expected and actual values).',
  requires: ['tests'],
  run(context) {
    const tests = context.runtime?.tests;
    if (!tests) return [];
    return tests.tests
      .filter((test) => test.outcome === 'failed')
      .map((test) => ({ message: `Acceptance test ${testLabel(test)} failed: ${clip(test.message, 300)}`, line: 0, symbol: test.name }));
  },
});
