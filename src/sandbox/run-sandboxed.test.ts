import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hostCapabilities, missingProtections, protectionsFor } from './host-capabilities.js';
import { SYSTEM_PYTHON } from './resolve-interpreter.js';
import { runSandboxed } from './run-sandboxed.js';
import { DEFAULT_SANDBOX_LIMITS, REQUIRED_PROTECTIONS, type SandboxLimits, type SandboxRunResult } from './sandbox-types.js';
import { useConnectionCounter } from './test-support/connection-counter.js';
import { processesOfUid } from './sandbox-user.js';

// The operating-system layer alone: hostile code runs through run_script.py, without the
// audit hooks, so only namespaces, the dedicated uid and the limits stand in its way.
const HOSTILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test-fixtures/hostile');
const sandboxed = missingProtections(protectionsFor(await hostCapabilities()), REQUIRED_PROTECTIONS).length === 0;
const usable = sandboxed && existsSync(SYSTEM_PYTHON);

async function runRaw(options: { fixture?: string; code?: string; args?: unknown[]; limits?: Partial<SandboxLimits>; stallMs?: number }): Promise<SandboxRunResult> {
  const name = options.fixture ?? 'hostile.py';
  const content = options.code ?? readFileSync(path.join(HOSTILE, name), 'utf8');
  return runSandboxed({
    interpreter: SYSTEM_PYTHON,
    files: [{ name, content }],
    script: 'run_script.py',
    config: { target: name, args: options.args ?? [] },
    limits: { ...DEFAULT_SANDBOX_LIMITS, wallMs: 10_000, ...options.limits },
    allowUnsandboxed: false,
    ...(options.stallMs ? { stallMs: options.stallMs } : {}),
  });
}

const done = (result: SandboxRunResult) => result.records.find((record) => record.event === 'done');

/** Nothing of the run is alive, even a moment later (nothing was respawned either). */
async function expectNoSurvivors(result: SandboxRunResult): Promise<void> {
  expect(result.leftoverProcesses).toBe(0);
  await new Promise((resolve) => setTimeout(resolve, 150));
  if (result.uid !== null) expect(processesOfUid(result.uid)).toEqual([]);
}

describe.skipIf(!usable)('runSandboxed against hostile code (no audit hooks)', () => {
  const listener = useConnectionCounter();

  it('runs as a dedicated unprivileged uid with every protection active', async () => {
    const result = await runRaw({ code: 'import os\nprint(sorted(os.environ))\n' });
    const start = result.records.find((record) => record.event === 'start');
    expect(Object.values(result.protections).every(Boolean)).toBe(true);
    expect(result.uid).not.toBe(0);
    expect(start?.uid).toBe(result.uid ?? start?.uid);
    expect(result.stdout.text).not.toMatch(/PROXY|TOKEN|KEY|SECRET|PASSWORD|AWS/i);
    expect(done(result)?.outcome).toBe('returned');
    await expectNoSurvivors(result);
  });

  it('has no network: a connection to 127.0.0.1 never arrives', async () => {
    const result = await runRaw({ fixture: 'socket_connect.py', args: [listener.port] });
    expect(String(done(result)?.message)).toMatch(/unreachable|refused|Errno/i);
    expect(listener.connections).toBe(0);
    await expectNoSurvivors(result);
  });

  it('keeps writes to ~ and /tmp inside the throwaway sandbox', async () => {
    const marker = `backsmith-hostile-${process.pid}-${Date.now()}`;
    const result = await runRaw({ fixture: 'write_outside.py', args: [marker] });
    expect(done(result)?.outcome).toBe('returned');
    expect(existsSync(path.join('/tmp', marker))).toBe(false);
    expect(existsSync(path.join(process.env.HOME ?? '/root', marker))).toBe(false);
    await expectNoSurvivors(result);
  });

  it('stops a small bounded fork loop at the process limit and kills every child', async () => {
    const result = await runRaw({ fixture: 'fork_loop.py', args: [50], limits: { processes: 20 } });
    const made = Number(/made=(\d+)/.exec(result.stdout.text)?.[1]);
    expect(made).toBeLessThan(20);
    expect(result.stdout.text).toMatch(/BlockingIOError|Resource temporarily unavailable/);
    await expectNoSurvivors(result);
  });

  it('stops a 300-child fork loop at the default limit, quickly', async () => {
    const result = await runRaw({ fixture: 'fork_loop.py', args: [300] });
    const made = Number(/made=(\d+)/.exec(result.stdout.text)?.[1]);
    expect(made).toBeLessThan(DEFAULT_SANDBOX_LIMITS.processes);
    expect(result.durationMs).toBeLessThan(8_000);
    await expectNoSurvivors(result);
  });

  it('kills an infinite loop at the wall-clock limit', async () => {
    const result = await runRaw({ code: 'while True:\n    pass\n', limits: { wallMs: 1_000 } });
    expect(result.timedOut).toBe(true);
    expect(result.durationMs).toBeLessThan(4_000);
    await expectNoSurvivors(result);
  });

  it('kills a silent run at the stall limit', async () => {
    const result = await runRaw({ code: 'import time\ntime.sleep(60)\n', stallMs: 700 });
    expect(result.timedOut).toBe(true);
    expect(result.durationMs).toBeLessThan(4_000);
    await expectNoSurvivors(result);
  });

  it('refuses a 4 GB allocation (address-space limit)', async () => {
    const result = await runRaw({ fixture: 'allocate_4gb.py' });
    expect(done(result)?.outcome).toBe('MemoryError');
  });

  it('caps a 100 MB stdout flood and stays fast', async () => {
    const result = await runRaw({ fixture: 'stdout_flood.py' });
    expect(result.stdout.totalBytes).toBeGreaterThanOrEqual(100 * 1024 * 1024);
    expect(result.stdout.text.length).toBe(DEFAULT_SANDBOX_LIMITS.outputBytes);
    expect(result.stdout.truncated).toBe(true);
    expect(result.durationMs).toBeLessThan(8_000);
  });

  it('reports sys.exit at import as an ordinary outcome', async () => {
    const result = await runRaw({ fixture: 'exit_at_import.py' });
    expect(done(result)?.outcome).toBe('SystemExit');
  });

  it('cannot kill its parent; killing its group or everything it may touches nothing outside', async () => {
    const result = await runRaw({ fixture: 'kill_parent.py' });
    expect(result.stdout.text).toMatch(/parent \d+ -> \d+: PermissionError/);
    const everything = await runRaw({ code: 'import os, signal\nos.kill(-1, signal.SIGKILL)\n' });
    // kill(-1) spares the caller, and in its own pid namespace, as its own uid, nothing else is in reach.
    expect(done(everything)?.outcome).toBe('ProcessLookupError');
    expect(process.pid).toBeGreaterThan(0);
    await expectNoSurvivors(result);
    await expectNoSurvivors(everything);
  });
});
