import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hostCapabilities, missingProtections, protectionsFor } from './host-capabilities.js';
import { SYSTEM_PYTHON } from './resolve-interpreter.js';
import { runSandboxed } from './run-sandboxed.js';
import { DEFAULT_SANDBOX_LIMITS, REQUIRED_PROTECTIONS } from './sandbox-types.js';
import { processesOfUid } from './sandbox-user.js';

// Ctrl-C in `generate` reaches the sandbox as an AbortSignal: the process group is killed at once.
const usable = missingProtections(protectionsFor(await hostCapabilities()), REQUIRED_PROTECTIONS).length === 0 && existsSync(SYSTEM_PYTHON);

const SLEEPER = 'import time\nprint("started", flush=True)\ntime.sleep(20)\n';

function run(signal: AbortSignal) {
  return runSandboxed({
    interpreter: SYSTEM_PYTHON,
    files: [{ name: 'sleeper.py', content: SLEEPER }],
    script: 'run_script.py',
    config: { target: 'sleeper.py', args: [] },
    limits: { ...DEFAULT_SANDBOX_LIMITS, wallMs: 25_000 },
    allowUnsandboxed: false,
    signal,
  });
}

describe.skipIf(!usable)('runSandboxed with an AbortSignal', () => {
  it('kills a sleeping run within a second of the abort, leaving no process', async () => {
    const controller = new AbortController();
    const pending = run(controller.signal);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const aborted = performance.now();
    controller.abort();
    const result = await pending;
    expect(performance.now() - aborted).toBeLessThan(1000);
    expect(result.cancelled).toBe(true);
    expect(result.timedOut).toBe(false);
    expect(result.leftoverProcesses).toBe(0);
    if (result.uid !== null) expect(processesOfUid(result.uid)).toEqual([]);
  }, 30_000);

  it('refuses to start once cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(run(controller.signal)).rejects.toThrow(/cancelled before the sandbox started/);
  });
});
