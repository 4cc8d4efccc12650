import { describe, expect, it } from 'vitest';
import { SYSTEM_PYTHON } from './resolve-interpreter.js';
import { runProbe } from './run-probe.js';
import { DEFAULT_SANDBOX_LIMITS } from './sandbox-types.js';
import { canSandbox, FIXTURES, findingKeys, fixture, verifySource } from './test-support/runtime-fixtures.js';
import { outcomesByName, runHostileTests } from './test-support/run-hostile-tests.js';

// Round six. test-fixtures/hostile/reach_runner.py: os.setpriority and os.sched_setaffinity raise no audit event, and
// the module's process shares the trusted runner's uid: the runner (which holds the report channel) was reniced to 19
// and pinned to one CPU, unseen. The seccomp filter (python/process_filter.py) now kills the module's process when
// such a call aims at anything but itself, and the trusted side reports it; its own priority stays its own.
const usable = await canSandbox();

describe.skipIf(!usable)('round six: the module reaches for the runner', () => {
  it("ends the module's process when it changes the runner's priority or CPUs, and reports it", async () => {
    const result = await runHostileTests('reach_runner.py', 'test_reach_runner.py');
    const byName = outcomesByName(result);
    for (const name of ['test_renice_parent', 'test_renice_group', 'test_pin_parent']) expect(byName[name]).toMatch(/^error: .*the module process failed/);
    expect(byName.test_renice_self).toBe('passed: ');
    expect(result.blocked.map((action) => `${action.kind} ${action.auditEvent} ${action.context}`).sort()).toEqual([
      'process seccomp test test_reach_runner.ReachRunnerTests.test_pin_parent',
      'process seccomp test test_reach_runner.ReachRunnerTests.test_renice_group',
      'process seccomp test test_reach_runner.ReachRunnerTests.test_renice_parent',
    ]);
    expect(result.blocked[0]?.detail).toContain('os.setpriority');
  });
});

// test-fixtures/hostile/hook_entry.py: an exception landing at the audit hook's first instruction aborts the action
// before the hook can judge or report it. A thread of the module called _thread.interrupt_main() while the module read
// its tests: a few reads in 20,000 ended in a KeyboardInterrupt at the hook's entry, unreported. The module's code now
// runs off the main thread (server_exit.off_main_thread), where no signal handler runs or can be installed.
describe.skipIf(!usable)('round six: exceptions at the audit hook\'s entry', () => {
  it('cannot be raised: every read of the tests is judged and reported', async () => {
    const result = await runHostileTests('hook_entry.py', 'test_hook_entry.py');
    const byName = outcomesByName(result);
    expect(byName.test_interrupt_main).toBe('passed: ');
    expect(byName.test_own_handler).toBe('passed: ');
    const seen = result.blocked.map((action) => `${action.symbol} ${action.kind} ${action.auditEvent}`);
    expect(seen).toContain('Entry.interrupt_main peek os.listdir');
  });
});

// test-fixtures/hostile/detect_probe.py: the module's process told the probe from a test run by its parent's command
// line (probe_harness.py or test_runner.py) and by a configuration key only the tests' server got, and answered in the
// contract's shape only when probed: verify without --tests passed it. Both now start as trusted_main.py, and the
// server gets the same keys (module_proxy.SERVER_KEYS); what is left to tell them apart is the calls themselves.
describe.skipIf(!usable)('round six: a module that looks for the probe', () => {
  it('cannot find it by its parent or its configuration: its missing success key is reported', async () => {
    const report = await verifySource('detect_probe.py', fixture(FIXTURES.hostile, 'detect_probe.py'));
    expect(report.passed).toBe(false);
    expect(findingKeys(report, 'error')).toContain('contract/response-shape Counter.count');
  });
});

// test-fixtures/hostile/narrow_bad_inputs.py: the probe's plan is worked out in the module's process, and the module
// emptied its list of bad inputs (probe_values.bad_inputs patched at import): its method that raises on None was only
// called with a valid name, and verify without --tests found nothing at run time. The host now sends each method's
// required parameters as it read them, and the probe calls each with None and a blank string whatever the plan says.
describe.skipIf(!usable)('round six: a module that empties the probe\'s bad inputs', () => {
  it('is still called with None for its required parameter, and the escape is reported', async () => {
    const report = await verifySource('narrow_bad_inputs.py', fixture(FIXTURES.hostile, 'narrow_bad_inputs.py'));
    expect(findingKeys(report, 'error')).toContain('contract/exception-escapes Catalog.find');
    expect(report.findings.some((finding) => finding.checkId === 'contract/exception-escapes' && finding.message.includes('AttributeError'))).toBe(true);
  });
});

// test-fixtures/hostile/hide_service.py: whether a service class is there is asked in the module's process, and the
// module answered "missing" for its own: a warning only, and none of its methods probed or counted as unprobed. A
// service the host parsed from the source that the module's process calls missing is now runtime/not-run.
describe.skipIf(!usable)('round six: a module that hides its service from the probe', () => {
  it('is runtime/not-run, naming the service', async () => {
    const report = await verifySource('hide_service.py', fixture(FIXTURES.hostile, 'hide_service.py'));
    expect(report.passed).toBe(false);
    const notRun = report.findings.filter((finding) => finding.checkId === 'runtime/not-run');
    expect(notRun.some((finding) => finding.severity === 'error' && finding.message.includes('Catalog is not defined when it runs'))).toBe(true);
  });
});

// test-fixtures/hostile/bogus_construct.py: the module planned only a construction of its service that fails, and its
// constructor needs an argument, so the probe's try without arguments failed too: a warning, and no method probed. The
// probe now also tries a set built from the constructor's plain annotations as the host read them (capacity: int -> 1).
describe.skipIf(!usable)('round six: a module that plans only failing constructions', () => {
  it('is still built from its annotations, and its method is probed', async () => {
    const report = await verifySource('bogus_construct.py', fixture(FIXTURES.hostile, 'bogus_construct.py'));
    expect(findingKeys(report, 'error')).toContain('contract/exception-escapes Store.put');
  });
});

// An honest module whose docstring example runs past its limit (test-fixtures/hostile/slow_doctest.py). The limit was
// an alarm in the module's own process: it fired inside the audit hook while the hook judged one of the example's
// reads, which was reported as the module interfering with the hook (kind hook), a false safety error. The trusted
// probe now times each docstring from its own process and kills and restarts the module's process past the limit.
describe.skipIf(!usable)('round six: a slow docstring example', () => {
  it('is a hang with where it was stuck, and no report of the audit hook', async () => {
    const { result } = await runProbe({
      interpreter: SYSTEM_PYTHON, module: { name: 'slow_doctest.py', content: fixture(FIXTURES.hostile, 'slow_doctest.py') },
      services: [{ name: 'Shelf', methods: ['add'] }], allowDataFrame: false, limits: DEFAULT_SANDBOX_LIMITS, allowUnsandboxed: false,
      timeLimits: { importSeconds: 10, doctestSeconds: 1, callSeconds: 1 },
    });
    expect(result.completed).toBe(true);
    expect(result.blocked).toEqual([]);
    expect(result.hangs.map((hang) => `${hang.symbol} ${hang.stage} ${hang.killed}`)).toEqual(['read_for doctest false']);
    expect(result.hangs[0]?.stuck).toMatch(/^read_for \(line \d+\)/);
    // The docstrings after it ran in the fresh process, and the service was probed.
    expect(result.doctests).toMatchObject({ attempted: 2, failures: [], errors: [] });
    expect(result.probed).toEqual(['Shelf.add']);
  });
});
