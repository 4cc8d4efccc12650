import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { canSandbox, FIXTURES, fixture, verifySource } from './test-support/runtime-fixtures.js';
import { outcomesByName, runHostileTests } from './test-support/run-hostile-tests.js';

// test-fixtures/hostile/fresh_copies.py: where _posixsubprocess is built into the interpreter (Debian's python3),
// importlib.import_module builds a fresh copy of it without any import event, with the original fork_exec, which
// raises no audit event: /bin/sh ran unseen ("/bin/sh answered 7" on its output), and both tests passed. And
// os.pidfd_open with signal.pidfd_send_signal signalled the trusted runner with no event at all. Now a seccomp filter
// (python/process_filter.py) kills the module's process at such a system call, and the trusted side reports it.
const usable = await canSandbox();
const MODULE = 'fresh_copies.py';
const TESTS = 'test_fresh_copies.py';

describe.skipIf(!usable)('process starts and signals past the audit hook', () => {
  it('end the module process: the test errors and the attempt is reported', async () => {
    const result = await runHostileTests(MODULE, TESTS);
    const byName = outcomesByName(result);
    for (const name of ['test_spawn_with_fresh_copy', 'test_signal_parent']) expect(byName[name]).toMatch(/^error: .*the module process failed/);
    expect(result.outputChars).toBe(0); // /bin/sh never ran
    expect(result.blocked.map((action) => `${action.kind} ${action.auditEvent} ${action.context}`).sort()).toEqual([
      'process resource.prlimit test test_fresh_copies.FreshCopiesTests.test_limit_parent',
      'process seccomp test test_fresh_copies.FreshCopiesTests.test_signal_parent',
      'process seccomp test test_fresh_copies.FreshCopiesTests.test_spawn_with_fresh_copy',
    ]);
    // resource.prlimit on the runner raises an audit event the hook now watches: refused and reported, the test goes on.
    expect(byName.test_limit_parent).toBe('passed: ');
  });

  it('fails verify with safety/network-or-fs, from the probe too', async () => {
    const report = await verifySource(MODULE, fixture(FIXTURES.hostile, MODULE), { tests: [path.join(FIXTURES.hostile, TESTS)] });
    expect(report.passed).toBe(false);
    const messages = report.findings.filter((finding) => finding.checkId === 'safety/network-or-fs').map((finding) => finding.message);
    // verify's interpreter may load _posixsubprocess from a file (pyenv): then the fresh copy is refused as native code.
    expect(messages.some((message) => message.startsWith('Fresh.spawn_with_fresh_copy tried to'))).toBe(true);
    expect(messages.some((message) => message.startsWith('Fresh.signal_parent tried to start or signal a process: ended by the kernel\'s filter'))).toBe(true);
    expect(messages.some((message) => message.includes('test_signal_parent, the module tried to start or signal a process: ended by the kernel\'s filter'))).toBe(true);
  });
});
