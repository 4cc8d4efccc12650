import { fakeRuntime } from '../../../sandbox/test-support/fake-runtime.js';
import { testCheck } from '../../test-support/check-tester.js';
import { hang } from './hang.js';

const MODULE = 'class Service:\n    def spin(self) -> dict:\n        while True:\n            pass\n\n    def other(self) -> dict:\n        return {}\n';

testCheck(hang, {
  valid: [],
  invalid: [{
    code: MODULE,
    findings: [{ line: 2, messageIncludes: 'Service.spin() did not return within 1.0 s; it was stuck in spin (line 3)', symbol: 'Service.spin' }, { line: 6, messageIncludes: 'could not be interrupted' }],
  }],
  prepare: (context) => ({
    ...context,
    runtime: fakeRuntime({
      hangs: [
        { symbol: 'Service.spin', stage: 'valid', seconds: 1, line: 0, arguments: '', killed: false, stuck: 'spin (line 3)' },
        { symbol: 'Service.other', stage: 'bad', seconds: 1, line: 0, arguments: 'x=None', killed: true },
      ],
    }),
  }),
});
