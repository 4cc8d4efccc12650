import { describeHostInterpreter } from './host-interpreter.js';
import { runSandboxed } from './run-sandboxed.js';
import { SandboxRefusedError } from './sandbox-errors.js';
import { DEFAULT_SANDBOX_LIMITS, type SandboxInterpreter, type SandboxRunResult } from './sandbox-types.js';

/** Tried when the default `python3` cannot be used by the sandbox user (e.g. it lives in /root). */
export const SYSTEM_PYTHON = '/usr/bin/python3';

const HOST_TIMEOUT_MS = 10_000;

/** An interpreter the sandbox can use, or why there is none. */
export type InterpreterResolution =
  | { ok: true; interpreter: SandboxInterpreter; run: SandboxRunResult | null }
  | { ok: false; reason: string; run: SandboxRunResult | null };

async function probeInSandbox(executable: string, allowUnsandboxed: boolean): Promise<{ run: SandboxRunResult | null; info: Record<string, unknown> | undefined; failure?: string }> {
  let run: SandboxRunResult;
  try {
    run = await runSandboxed({
      interpreter: executable,
      files: [],
      script: 'interpreter_info.py',
      config: {},
      limits: { ...DEFAULT_SANDBOX_LIMITS, wallMs: HOST_TIMEOUT_MS },
      allowUnsandboxed,
    });
  } catch (error) {
    if (error instanceof SandboxRefusedError) throw error;
    return { run: null, info: undefined, failure: (error as Error).message };
  }
  const info = run.records.find((record) => record.event === 'interpreter');
  return { run, info };
}

async function resolve(requested: string, explicit: boolean, allowUnsandboxed: boolean): Promise<InterpreterResolution> {
  const host = await describeHostInterpreter(requested);
  const executable = host?.executable;
  let why: string;
  let lastRun: SandboxRunResult | null = null;
  if (host && executable) {
    const { run, info, failure } = await probeInSandbox(executable, allowUnsandboxed);
    lastRun = run;
    // An interpreter whose own files the sandbox user cannot read may still start, by loading
    // the system's libpython and standard library: a different Python than the one asked for.
    const same = info && info.version === host.version && info.basePrefix === host.prefix;
    if (info && same) {
      return {
        ok: true,
        run: run ?? null,
        interpreter: { requested, executable, version: String(info.version), hasPytest: info.hasPytest === true },
      };
    }
    const hidden = host.refused.length > 0 ? ` (${host.refused.join(', ')} is not shown in the sandbox: it holds a home folder or the project)` : '';
    const detail = info
      ? `it loads Python ${String(info.version)} from ${String(info.basePrefix)} instead of its own ${host.version} from ${host.prefix}: its files are not readable by the sandbox user${hidden}`
      : `${failure ?? run?.stderr.text.trim().split('\n').pop() ?? ''}${hidden}`;
    why = `${requested} (${executable}) does not work inside the sandbox${detail ? `: ${detail}` : ''}`;
  } else {
    why = `${requested} could not be started`;
  }
  if (explicit || requested === SYSTEM_PYTHON) return { ok: false, reason: `${why}; pass --python with an interpreter every user can read`, run: lastRun };
  const fallback = await resolve(SYSTEM_PYTHON, true, allowUnsandboxed);
  if (!fallback.ok) return { ok: false, reason: `${why}, nor does ${SYSTEM_PYTHON}; pass --python with an interpreter every user can read`, run: fallback.run };
  return { ...fallback, interpreter: { ...fallback.interpreter, requested, note: `${why}; using ${SYSTEM_PYTHON} instead` } };
}

const cache = new Map<string, Promise<InterpreterResolution>>();

/**
 * Finds the interpreter for sandboxed runs: the requested one (its prefixes are bound
 * read-only into the sandbox's view) when the sandbox user can run it; when it was only the default (`python3`) and cannot, the system's /usr/bin/python3 —
 * and the report says so. Cached per process.
 */
export function resolveSandboxInterpreter(requested: string, explicit: boolean, allowUnsandboxed: boolean): Promise<InterpreterResolution> {
  const key = `${requested}|${explicit}|${allowUnsandboxed}`;
  let found = cache.get(key);
  if (!found) {
    found = resolve(requested, explicit, allowUnsandboxed);
    cache.set(key, found);
  }
  return found;
}
