import { fakeRuntime } from '../../../sandbox/test-support/fake-runtime.js';
import { testCheck } from '../../test-support/check-tester.js';
import { importError } from './import-error.js';

const MODULE = 'import os\n\nVALUE = int("x")\n';
const failed = { ok: false, seconds: 0.01, timedOut: false, stdoutChars: 0, error: { type: 'ValueError', message: "invalid literal for int() with base 10: 'x'", line: 3, frames: [{ line: 3, function: '<module>', text: 'VALUE = int("x")' }] } };

testCheck(importError, { valid: [MODULE], invalid: [], prepare: (context) => ({ ...context, runtime: fakeRuntime() }) });
testCheck(importError, {
  valid: [],
  invalid: [{ name: 'a raise at import', code: MODULE, findings: [{ line: 3, messageIncludes: 'ValueError: invalid literal' }] }],
  prepare: (context) => ({ ...context, runtime: fakeRuntime({ import: failed }) }),
});
testCheck(importError, {
  valid: [],
  invalid: [{ name: 'a slow, noisy import', code: MODULE, findings: [{ line: 0, messageIncludes: 'took 3.5 s' }, { line: 0, messageIncludes: 'printed 2.0 MB' }] }],
  prepare: (context) => ({ ...context, runtime: fakeRuntime({ import: { ok: true, seconds: 3.5, timedOut: false, stdoutChars: 2 * 1024 * 1024 } }) }),
});
