import { fakeRuntime } from '../../../sandbox/test-support/fake-runtime.js';
import { testCheck } from '../../test-support/check-tester.js';
import { doctestCheck } from './doctest.js';

testCheck(doctestCheck, {
  valid: [],
  invalid: [{
    code: 'def double(x: int) -> int:\n    """Double.\n\n    >>> double(2)\n    5\n    """\n    return 2 * x\n',
    findings: [{ line: 4, messageIncludes: 'double(2) gave 4, expected 5', symbol: 'double' }],
  }],
  prepare: (context) => ({
    ...context,
    runtime: fakeRuntime({ doctests: { attempted: 1, errors: [], failures: [{ name: 'module.double', line: 4, source: 'double(2)', expected: '5', got: '4' }] } }),
  }),
});
