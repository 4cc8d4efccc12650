import { defineCheck } from '../../check.js';
import { clip } from '../runtime/support/runtime-symbols.js';

/** `tests/not-run`: acceptance tests given and not run are a failure, never a skip. */
export const notRun = defineCheck({
  id: 'tests/not-run',
  category: 'tests',
  severity: 'error',
  description: 'Acceptance test files were given but the tests did not run (sandbox refused or failed, interpreter unusable, runner crashed, results unreadable); untested criteria cannot pass.',
  fixHint: 'If the module exits the process, writes to raw file descriptors or touches the test machinery at import time, remove that code; otherwise fix what the reason names (interpreter, sandbox) and verify again.',
  run(context) {
    const why = context.runtime?.notRun.tests;
    if (!why) return [];
    const files = context.runtime?.tests?.files ?? [];
    return [{ message: `The acceptance tests${files.length > 0 ? ` (${files.join(', ')})` : ''} did not run: ${clip(why, 400)}`, line: 0, symbol: '<tests>' }];
  },
});
