import { describe, expect, it } from 'vitest';
import { canSandbox } from './test-support/runtime-fixtures.js';
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
