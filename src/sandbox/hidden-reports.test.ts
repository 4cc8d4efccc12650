import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { canSandbox, FIXTURES, fixture, verifySource } from './test-support/runtime-fixtures.js';
import { outcomesByName, runHostileTests } from './test-support/run-hostile-tests.js';

// Round four: a module whose answers are right, that tries to read its acceptance tests and keeps the
// report of each blocked read from the trusted side (test-fixtures/hostile/hide_blocked.py). The reports
// went through the module's own process (its socket, the guard's counters and channel, sys._getframe), so
// patching them hid the read, and a read from a thread of code compiled elsewhere counted as not the
// module's: every test passed and verify said nothing. Now the hook writes to a channel only the trusted side
// reads (a Unix socket: a pipe's write end can be opened again for reading through /proc/self/fd/N, and the
// module read its reports back), and a module that closes, replaces or writes to that channel is reported too.
const usable = await canSandbox();
const MODULE = 'hide_blocked.py';
const TESTS = 'test_hide_blocked.py';
const HIDDEN = ['drop_notes', 'exhaust_counter', 'swap_channel', 'break_locate', 'read_back'];

describe.skipIf(!usable)('round four: the report of a blocked action', () => {
  it('reaches the trusted side whatever the module patches in its own process', async () => {
    const result = await runHostileTests(MODULE, TESTS);
    const byName = outcomesByName(result);
    for (const name of [...HIDDEN, 'elsewhere', 'scribble']) expect(byName[`test_${name}`]).toBe('passed: ');
    const peeks = result.blocked.filter((action) => action.kind === 'peek');
    expect(peeks.every((action) => action.inModule && action.detail.includes('/tmp/backsmith/tests/test_hide_blocked.py'))).toBe(true);
    expect(peeks.map((action) => action.symbol).sort()).toEqual([...HIDDEN.map((name) => `Quiet.${name}`), 'test test_hide_blocked.HideBlockedTests.test_elsewhere'].sort());
    // Closing or replacing the pipe ends the module's process (that test errors); writing to it is reported.
    expect(byName.test_close_pipes).toMatch(/^error: .*the module process failed/);
    expect(byName.test_replace_pipes).toMatch(/^error: .*the module process failed/);
    const reports = result.blocked.filter((action) => action.kind === 'report');
    // The two ended processes are reported in their tests; the scribble when it is read, in the test after it.
    expect(reports.filter((action) => action.detail.includes('ended')).map((action) => action.context.replace(/^test test_hide_blocked\.HideBlockedTests\./, '')).sort()).toEqual(['test_close_pipes', 'test_replace_pipes']);
    expect(reports).toHaveLength(3);
    expect(reports.map((action) => action.detail).join('\n')).toContain("wrote to the sandbox's report channel: b'B 00 not-a-report'");
    expect(reports.every((action) => action.inModule)).toBe(true);
    // _posixsubprocess.fork_exec starts a program without any audit event: replaced before the hook, so refused and reported.
    expect(byName.test_spawn_quietly).toBe('passed: ');
    expect(result.blocked.filter((action) => action.kind === 'process').map((action) => `${action.symbol} ${action.auditEvent}`)).toEqual(['Quiet.spawn_quietly subprocess.Popen']);
  });

  it('and the output it reads back through /proc/self/fd/1 is still counted (its stdout is a socket, not a pipe)', async () => {
    // A pipe's write end opens again for reading (libc through ctypes alike): the module drained its own flood.
    const result = await runHostileTests('read_back_output.py', 'test_read_back_output.py');
    expect(result.outputChars).toBe(8 * 1024 * 1024);
  });

  it('fails verify: safety/network-or-fs names every hidden read, in the probe and in the tests', async () => {
    const report = await verifySource(MODULE, fixture(FIXTURES.hostile, MODULE), { tests: [path.join(FIXTURES.hostile, TESTS)] });
    expect(report.passed).toBe(false);
    const messages = report.findings.filter((finding) => finding.checkId === 'safety/network-or-fs').map((finding) => `${finding.symbol}: ${finding.message}`);
    for (const name of HIDDEN) expect(messages.some((message) => message.startsWith(`Quiet.${name}: Quiet.${name} tried to read the acceptance tests`))).toBe(true);
    expect(messages.some((message) => message.includes('keep the sandbox from reporting an action it blocked'))).toBe(true);
    expect(messages.some((message) => message.includes('test_elsewhere, the module tried to read the acceptance tests'))).toBe(true);
  });
});
