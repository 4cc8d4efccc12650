import { DEFAULT_SANDBOX_LIMITS, type SandboxProtections } from '../sandbox-types.js';
import type { ProbeResult, RuntimeResults, TestRunResult } from '../runtime-types.js';

const ALL_ACTIVE: SandboxProtections = {
  privateWorkingDirectory: true, isolatedInterpreter: true, minimalEnvironment: true, networkNamespace: true, pidNamespace: true,
  privateTmp: true, filesystemView: true, ipcNamespace: true, diskQuota: true, unprivilegedUser: true, resourceLimits: true, auditHooks: true, killAll: true,
};

/** A probe result with nothing wrong, to override in check tests. */
export function cleanProbe(overrides: Partial<ProbeResult> = {}): ProbeResult {
  return {
    completed: true, import: { ok: true, seconds: 0.01, timedOut: false, stdoutChars: 0 }, doctests: { attempted: 0, failures: [], errors: [] },
    hangs: [], escapes: [], shapes: [], accepted: [], blocked: [], crashes: [], probed: [], missingServices: [], restarts: 0, durationMs: 10, recordProblems: [],
    ...overrides,
  };
}

/** A test run with nothing wrong, to override in check tests. */
export function cleanTests(overrides: Partial<TestRunResult> = {}): TestRunResult {
  return { runner: 'unittest', files: ['test_x.py'], tests: [], ran: 1, collectErrors: [], completed: true, incompleteReason: null, blocked: [], durationMs: 10, recordProblems: [], expected: null, unreported: [], unknown: [], ...overrides };
}

/** Runtime results as the stage would produce them, for `testCheck`'s `prepare`. */
export function fakeRuntime(probe: Partial<ProbeResult> = {}, tests: Partial<TestRunResult> | null = null): RuntimeResults {
  return {
    sandbox: {
      status: 'ran', reason: null, protections: ALL_ACTIVE, missing: [], unsandboxed: false, interpreter: null,
      limits: DEFAULT_SANDBOX_LIMITS, runs: [], probe: null, tests: null,
    },
    probe: cleanProbe(probe),
    tests: tests ? cleanTests(tests) : null,
    notRun: { runtime: null, tests: null },
  };
}
