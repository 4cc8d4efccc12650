import { fakeRuntime } from '../../../sandbox/test-support/fake-runtime.js';
import { testCheck } from '../../test-support/check-tester.js';
import { shutdownBlocked } from './shutdown-blocked.js';

const MODULE = 'import threading\nimport time\n\n\ndef _poll():\n    while True:\n        time.sleep(1)\n\n\nthreading.Thread(target=_poll, name="poller").start()\n';

testCheck(shutdownBlocked, { valid: [MODULE], invalid: [], prepare: (context) => ({ ...context, runtime: fakeRuntime() }) });
testCheck(shutdownBlocked, {
  valid: [],
  invalid: [{
    name: 'a non-daemon thread',
    code: MODULE,
    findings: [{ line: 7, symbol: '_poll', messageIncludes: "did not end within 2.0 s of being asked to, as a program ends: thread 'poller' (in _poll, line 7) is still running and not a daemon" }],
  }],
  prepare: (context) => ({ ...context, runtime: fakeRuntime({ shutdown: { seconds: 2, threads: [{ name: 'poller', line: 7, function: '_poll' }] } }) }),
});
testCheck(shutdownBlocked, {
  valid: [],
  invalid: [{ name: 'no thread named (an atexit handler)', code: MODULE, findings: [{ line: 0, symbol: '<shutdown>', messageIncludes: 'a thread it started or an atexit handler kept it alive' }] }],
  prepare: (context) => ({ ...context, runtime: fakeRuntime({ shutdown: { seconds: 2, threads: [] } }) }),
});
