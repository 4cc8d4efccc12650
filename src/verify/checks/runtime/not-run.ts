import { defineCheck } from '../../check.js';
import { clip } from './support/runtime-symbols.js';

/** `runtime/not-run`: a runtime stage that was asked for and did not run is a failure, never a skip. */
export const notRun = defineCheck({
  id: 'runtime/not-run',
  category: 'runtime',
  severity: 'error',
  description: 'The runtime stage (import, docstring examples, contract probing in the sandbox) was asked for but did not run or did not report; an unchecked module cannot pass.',
  fixHint: 'If the module writes to raw file descriptors, exits the process, or touches the test or probe machinery at import time, remove that code; otherwise the host could not run the sandbox (see the reason) and the module must be verified where it can, or with --no-run on purpose.',
  run(context) {
    const why = context.runtime?.notRun.runtime;
    if (!why) return [];
    return [{ message: `The runtime stage did not run, so the module's behaviour was not checked: ${clip(why, 400)}`, line: 0, symbol: '<runtime>' }];
  },
});
