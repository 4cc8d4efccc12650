import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { chmodSync, chownSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pythonHelperPath } from '../python/package-paths.js';
import { CappedOutput } from './capped-output.js';
import { hostCapabilities, missingProtections, protectionsFor } from './host-capabilities.js';
import { prepareView } from './filesystem-view.js';
import { describeHostInterpreter } from './host-interpreter.js';
import { trackRun, type ActiveRun } from './sandbox-lifecycle.js';
import { buildLaunchPlan, sandboxEnvironment, sandboxPaths, SETUP_FAILED_EXIT, usesView } from './sandbox-command.js';
import { SandboxRefusedError } from './sandbox-errors.js';
import { REQUIRED_PROTECTIONS, type SandboxProtections, type SandboxRunRequest, type SandboxRunResult } from './sandbox-types.js';
import { readRecords } from './read-records.js';
import { killProcessesOfUid, pickSandboxUid, processesOfUid } from './sandbox-user.js';

/** backsmith's Python helpers copied into every sandbox (stdlib only). */
export const SANDBOX_HELPERS = ['result_channel.py', 'sandbox_guard.py', 'probe_values.py', 'response_shape.py', 'probe_harness.py', 'test_runner.py', 'trusted_main.py', 'interpreter_info.py', 'run_script.py',
  // The trusted test runner's module process and proxy (see docs/SANDBOX.md, "A verdict the module cannot forge").
  'proxy_wire.py', 'module_server.py', 'module_proxy.py', 'remote_objects.py', 'test_isolation.py', 'in_process_run.py', 'probe_doctests.py', 'runner_choice.py', 'test_guards.py', 'server_exit.py', 'hide_folder.py', 'blocked_report.py', 'native_imports.py', 'guard_values.py', 'call_timer.py', 'process_filter.py'];

const CANCELLED_BEFORE_START = 'the run was cancelled before the sandbox started';

/** Grace after the main process exits for stragglers to release the pipes. */
const CLOSE_GRACE_MS = 2_000;

/** Synchronous, like prepareView: see runSandboxed. */
function prepareRoot(hostRoot: string, stage: string, request: SandboxRunRequest, uid: number | null): void {
  const host = sandboxPaths(stage);
  for (const folder of [host.work, host.home, host.tmp, host.lib, host.tests]) mkdirSync(folder, { recursive: true });
  const place = [...request.files.map((file) => [host.work, file] as const), ...(request.trustedFiles ?? []).map((file) => [host.tests, file] as const)];
  for (const [folder, file] of place) {
    if (file.name !== path.basename(file.name) || file.name.startsWith('.')) throw new Error(`invalid sandbox file name: ${file.name}`);
    writeFileSync(path.join(folder, file.name), file.content);
  }
  // tests/ is never given to the sandbox uid: the code under test can read it, not change it.
  chmodSync(host.tests, 0o755);
  for (const name of SANDBOX_HELPERS) copyFileSync(pythonHelperPath(name), path.join(host.lib, name));
  if (uid !== null) {
    for (const folder of [host.work, host.home, host.tmp, host.lib]) {
      for (const entry of readdirSync(folder)) chownSync(path.join(folder, entry), uid, uid);
      chownSync(folder, uid, uid);
    }
    chownSync(hostRoot, uid, uid);
  }
  chmodSync(hostRoot, 0o700);
}

function kill(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // the group is gone
  }
}

/**
 * Runs one of backsmith's Python helpers on untrusted files in the sandbox: a fresh folder,
 * namespaces, a dedicated uid, resource limits and a wall-clock limit; every process of the
 * run is killed at the end. Throws `SandboxRefusedError` when a required protection is
 * missing and `allowUnsandboxed` is false.
 */
export async function runSandboxed(request: SandboxRunRequest): Promise<SandboxRunResult> {
  if (request.signal?.aborted) throw new Error(CANCELLED_BEFORE_START);
  const capabilities = await hostCapabilities();
  const protections: SandboxProtections = protectionsFor(capabilities);
  const missing = missingProtections(protections, REQUIRED_PROTECTIONS);
  if (missing.length > 0 && !request.allowUnsandboxed) throw new SandboxRefusedError(missing, capabilities.notes);
  const uid = capabilities.isRoot ? pickSandboxUid() : null;
  // The interpreter's own folders (a pyenv build under /root, a venv) are bound read-only into the view.
  const host = usesView(capabilities) ? await describeHostInterpreter(request.interpreter) : null;
  if (request.signal?.aborted) throw new Error(CANCELLED_BEFORE_START);
  // From here to the spawn everything is synchronous (a few milliseconds): the folder is made,
  // registered, prepared and its sandbox started in one step, so a signal or an exit never meets a
  // folder made but unknown, nor a file operation under way that would recreate what it removed.
  const hostRoot = mkdtempSync(path.join(os.tmpdir(), 'backsmith-sandbox-'));
  const run: ActiveRun = { hostRoot, pid: null, uid };
  const untrack = trackRun(run);
  const { limits } = request;
  const plan = buildLaunchPlan(capabilities, hostRoot, uid, (inner) => [
    request.interpreter, '-I', '-B', '-X', 'utf8', path.join(inner.lib, request.script), path.join(inner.lib, 'config.json'),
  ], limits.diskBytes);
  // Only records carrying this run's secret are accepted (see python/result_channel.py).
  const secret = randomBytes(16).toString('hex');
  const config = {
    ...request.config,
    secret,
    workdir: plan.inner.work,
    tmpdir: plan.inner.tmp,
    testsdir: plan.inner.tests,
    limits: {
      cpuSeconds: limits.cpuSeconds,
      addressSpaceBytes: limits.addressSpaceBytes,
      fileSizeBytes: limits.fileSizeBytes,
      // Without a dedicated uid the count includes the user's other processes.
      processes: uid !== null ? limits.processes : limits.processes + processesOfUid(process.getuid?.() ?? -1).length,
      openFiles: limits.openFiles,
    },
  };
  try {
    if (plan.view) prepareView(hostRoot, { readOnly: host?.mounts ?? [], links: host?.links ?? [], diskBytes: limits.diskBytes }, uid);
    prepareRoot(hostRoot, plan.stage, request, uid);
    const configPath = path.join(sandboxPaths(plan.stage).lib, 'config.json');
    writeFileSync(configPath, JSON.stringify(config));
    if (uid !== null) chownSync(configPath, uid, uid);
  } catch (error) {
    rmSync(hostRoot, { recursive: true, force: true });
    untrack();
    throw error;
  }

  const started = performance.now();
  const child = spawn(plan.command, plan.args, {
    cwd: plan.cwd,
    env: sandboxEnvironment(plan.inner),
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    detached: true,
    ...(plan.spawnIds ?? {}),
  });
  run.pid = child.pid ?? null;
  const stdout = new CappedOutput(limits.outputBytes).attach(child.stdout);
  const stderr = new CappedOutput(limits.outputBytes).attach(child.stderr);
  const results = new CappedOutput(limits.resultBytes, secret).attach(child.stdio[3] as Readable);
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));

  let timedOut = false;
  let stalled = false;
  let cancelled = false;
  let sweptProcesses = 0;
  const sweep = async () => {
    kill(child.pid);
    if (uid !== null) sweptProcesses += await killProcessesOfUid(uid);
  };
  const exit = await new Promise<{ code: number | null; signal: string | null; spawnError?: Error }>((resolve) => {
    const expire = () => {
      timedOut = true;
      void sweep();
    };
    const timer = setTimeout(expire, limits.wallMs);
    // Cancelled: the whole process group (and the sandbox uid) is killed at once, as on a time-out.
    const cancel = () => {
      cancelled = true;
      void sweep();
    };
    if (request.signal?.aborted) cancel();
    request.signal?.addEventListener('abort', cancel, { once: true });
    child.once('exit', () => request.signal?.removeEventListener('abort', cancel));
    const { stallMs } = request;
    if (stallMs) {
      // The allowed silence may depend on the last record (an import may take longer than a call).
      const allowed = () => (typeof stallMs === 'number' ? stallMs : stallMs(results.lastRecord()));
      const expireStalled = () => {
        stalled = true;
        expire();
      };
      let stall = setTimeout(expireStalled, allowed());
      child.stdio[3]?.on('data', () => {
        clearTimeout(stall);
        stall = setTimeout(expireStalled, allowed());
      });
      child.once('exit', () => clearTimeout(stall));
    }
    child.once('error', (error) => {
      clearTimeout(timer);
      resolve({ code: null, signal: null, spawnError: error });
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal });
    });
  });
  await sweep();
  const grace = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), CLOSE_GRACE_MS).unref());
  if ((await Promise.race([closed, grace])) === 'late') {
    // Something still holds the pipes open after the sweep: stop reading.
    for (const stream of [child.stdout, child.stderr, child.stdio[3]]) (stream as Readable | null)?.destroy();
  }
  const durationMs = Math.round(performance.now() - started);
  const leftoverProcesses = uid !== null ? processesOfUid(uid).length : 0;
  await rm(hostRoot, { recursive: true, force: true }).catch(() => undefined);
  untrack();
  if (exit.spawnError) throw new Error(`could not start the sandbox: ${exit.spawnError.message}`);
  const stderrResult = stderr.result();
  const { records, problems: recordProblems } = readRecords(results.buffer().toString('utf8'), secret);
  if (results.result().truncated) recordProblems.push(`the results exceeded ${limits.resultBytes} bytes; the rest was not read`);
  if (exit.code === SETUP_FAILED_EXIT && !timedOut && records.length === 0) {
    throw new Error(`the sandbox could not be set up: ${stderrResult.text.trim().split('\n').pop() ?? ''}`);
  }
  return {
    exitCode: exit.code,
    signal: exit.signal,
    timedOut,
    stalled,
    ...(cancelled ? { cancelled } : {}),
    durationMs,
    stdout: stdout.result(),
    stderr: stderrResult,
    records,
    recordProblems,
    leftoverProcesses,
    sweptProcesses,
    uid,
    protections,
  };
}
