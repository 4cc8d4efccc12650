import type { BlockedAction } from '../../../sandbox/runtime-types.js';
import { fakeRuntime } from '../../../sandbox/test-support/fake-runtime.js';
import { testCheck } from '../../test-support/check-tester.js';
import { networkOrFs } from './network-or-fs.js';

const MODULE = 'import socket\n\n\nclass Feed:\n    def fetch(self) -> dict:\n        return _get()\n\n\ndef _get():\n    return socket.create_connection(("example.org", 80))\n';
const action = (overrides: Partial<BlockedAction>): BlockedAction => ({
  kind: 'network', auditEvent: 'socket.connect', detail: "socket.connect ('example.org', 80)", symbol: 'Feed.fetch', line: 10,
  function: '_get', inModule: true, context: 'Feed.fetch', source: 'probe', ...overrides,
});

testCheck(networkOrFs, {
  valid: [],
  invalid: [{
    code: MODULE,
    findings: [
      { line: 0, messageIncludes: "The module, while importing, tried to write outside its working directory: open '/etc/x'" },
      { line: 0, messageIncludes: "The module, while importing, tried to write a file that Python or the test runner could load as code or configuration: open '/tmp/backsmith/work/conftest.py' for writing (blocked)" },
      { line: 0, messageIncludes: 'The module tried to write a file that Python or the test runner could load as code or configuration: /tmp/backsmith/work/statistics.py appeared (written past the audit hook) (found after the run)' },
      { line: 10, messageIncludes: 'Feed.fetch tried to use the network (in _get)', symbol: 'Feed.fetch' },
    ],
  }],
  prepare: (context) => ({
    ...context,
    runtime: {
      ...fakeRuntime({ blocked: [action({}), action({ detail: 'again' }), action({ kind: 'filesystem', auditEvent: 'open', detail: "open '/etc/x'", symbol: '<import>', line: 0, function: '<import>' })] }),
      // The tests' own attempts (no module frame on the stack) are not the module's doing.
      tests: { runner: 'unittest', files: [], tests: [], ran: 1, collectErrors: [], completed: true, incompleteReason: null, durationMs: 1,
        blocked: [action({ source: 'tests', inModule: false, symbol: 'test runner' }),
          action({ source: 'tests', kind: 'planted', auditEvent: 'open', detail: "open '/tmp/backsmith/work/conftest.py' for writing", symbol: '<import>', line: 0, function: '<import>' }),
          action({ source: 'tests', kind: 'planted', auditEvent: 'write', detail: '/tmp/backsmith/work/statistics.py appeared (written past the audit hook)', symbol: 'The module', line: 0, function: null })], recordProblems: [], expected: null, unreported: [], unknown: [] },
    },
  }),
});
