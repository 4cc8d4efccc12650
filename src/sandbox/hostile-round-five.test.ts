import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { canSandbox, FIXTURES, fixture, verifySource } from './test-support/runtime-fixtures.js';
import { outcomesByName, runHostileTests } from './test-support/run-hostile-tests.js';

// Round five (test-fixtures/hostile/interrupt_hook.py): a module whose answers are right gets past the audit hook's
// decision or keeps its report from the trusted side. A trace function let into the hook (its __cantrace__ is a
// function attribute the module can set) jumped over the verdict, so os.system ran unseen; an exception raised
// into the hook while it judged (a path's __fspath__, the module's signal handler) or after it (a port whose repr
// raises) aborted the action without a report; and ctypes asked for from code compiled under a package's file name
// was refused without a report.
const usable = await canSandbox();
const MODULE = 'interrupt_hook.py';
const TESTS = 'test_interrupt_hook.py';

describe.skipIf(!usable)('round five: the audit hook itself', () => {
  it('decides and reports whatever the module raises into it or traces it with', async () => {
    const result = await runHostileTests(MODULE, TESTS);
    const byName = outcomesByName(result);
    for (const name of ['trace_jump', 'raise_while_judging', 'signal_while_judging', 'raise_in_repr', 'forge_package', 'warnings_flood']) {
      expect(byName[`test_${name}`]).toBe('passed: ');
    }
    const seen = result.blocked.map((action) => `${action.symbol} ${action.kind} ${action.auditEvent}`);
    // Tracing is refused (and with it the jump), so the program is refused and reported too.
    expect(seen).toContain('Sneaky.trace_jump hook sys.settrace');
    expect(seen).toContain('Sneaky.trace_jump process os.system');
    expect(seen).toContain('Sneaky.raise_while_judging hook shutil.rmtree');
    // Since round six the module's code runs off the main thread: it cannot install a signal handler to raise with.
    expect(seen.some((entry) => entry.startsWith('Sneaky.signal_while_judging'))).toBe(false);
    expect(seen).toContain('Sneaky.raise_in_repr network socket.connect');
    expect(seen).toContain('Sneaky.forge_package native-package import');
    expect(result.blocked.find((action) => action.symbol === 'Sneaky.raise_in_repr')?.detail).toBe("socket.connect ('127.0.0.1', <object>)");
    // Warnings do not use up the share of reports: 250 forged package notes (distinct entry points) before a read of
    // the tests had left the read unreported (200 reports at most); package notes now have a share of their own.
    expect(seen).toContain('Sneaky.warnings_flood peek os.listdir');
    expect(result.blocked.filter((action) => action.kind === 'native-package').length).toBeLessThanOrEqual(21);
  });

  it('fails verify with safety/network-or-fs errors; the forged package refusal is a warning', async () => {
    const report = await verifySource(MODULE, fixture(FIXTURES.hostile, MODULE), { tests: [path.join(FIXTURES.hostile, TESTS)] });
    expect(report.passed).toBe(false);
    const findings = report.findings.filter((finding) => finding.checkId === 'safety/network-or-fs');
    const errors = findings.filter((finding) => finding.severity === 'error').map((finding) => finding.message);
    expect(errors.some((message) => message.includes("interfere with the sandbox's audit hook") && message.includes('sys.settrace'))).toBe(true);
    expect(findings.some((finding) => finding.severity === 'warning' && finding.message.includes('let a third-party package load native code'))).toBe(true);
  });
});
