import { describe, expect, it } from 'vitest';
import { SYSTEM_PYTHON } from './resolve-interpreter.js';
import { runProbe } from './run-probe.js';
import { DEFAULT_SANDBOX_LIMITS } from './sandbox-types.js';
import { canSandbox, FIXTURES, fixture } from './test-support/runtime-fixtures.js';

// After a hang the probe goes on with a fresh module process. Starting it (a fork and the module's
// import) counted against a call's limit (4 call limits for the restart and the service's plan), so on
// a loaded machine, or for a module with a heavy import, the restart timed out and every method after
// the hanging one went unprobed (runtime/not-run, and the bug in shout unseen): the flaky "interruptible
// infinite loop" test. The restart now has the import's limit. Here the module's second import takes
// 2.5 s against a call limit of 0.5 s (restart budget 2 s before).
const usable = await canSandbox();

describe.skipIf(!usable)('a probe that restarts the module after a hang', () => {
  it('gives the restart the import\'s time limit, so the methods after the hang are still probed', async () => {
    const { result, runs } = await runProbe({
      interpreter: SYSTEM_PYTHON,
      module: { name: 'slow_restart.py', content: fixture(FIXTURES.hostile, 'slow_restart.py') },
      services: [{ name: 'LoopService', methods: ['spin', 'shout'] }],
      allowDataFrame: false,
      limits: DEFAULT_SANDBOX_LIMITS,
      timeLimits: { importSeconds: 10, doctestSeconds: 5, callSeconds: 0.5 },
      allowUnsandboxed: false,
      doctests: false,
    });
    expect(runs).toHaveLength(1);
    expect(result.completed).toBe(true);
    expect(result.hangs.map((hang) => `${hang.symbol} ${hang.killed}`)).toEqual(['LoopService.spin false']);
    expect(result.probed).toContain('LoopService.shout');
    expect(result.escapes.some((escape) => escape.symbol === 'LoopService.shout' && escape.input === 'None')).toBe(true);
  });
});
