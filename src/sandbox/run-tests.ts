import { testKey, type CountedTests } from './count-tests.js';
import { readBlocked } from './run-probe.js';
import { runSandboxed } from './run-sandboxed.js';
import type { TestCaseResult, TestRunResult } from './runtime-types.js';
import type { SandboxFile, SandboxLimits, SandboxRunResult } from './sandbox-types.js';

/** What to run. */
export interface TestsRequest {
  interpreter: string;
  module: SandboxFile;
  /** Test files, placed under their own names in the trusted runner's read-only folder (not next to the module). */
  testFiles: SandboxFile[];
  runner?: 'auto' | 'pytest' | 'unittest';
  /** Time limit of one test, in seconds. */
  testSeconds?: number;
  limits: SandboxLimits;
  allowUnsandboxed: boolean;
  /** Cancels the run: the sandbox is killed at once. */
  signal?: AbortSignal;
  /**
   * Lets the module import ctypes and the other native code the audit hook refuses (python/native_imports.py).
   * Only for tests of the kernel's walls behind the hook (a write or a rename through libc); verify never sets it.
   */
  allowNativeCode?: boolean;
}

const STORY_PATTERN = /(?:^|[^a-z0-9])test_?us_?(\d+)(?:_?ac_?(\d+))?/i;

/** Story and criterion ids in a test name: `test_us003_ac2_borrow` gives `US-003` and `AC2`. */
export function storyIdsOf(name: string): { story: string | null; criterion: string | null } {
  const match = STORY_PATTERN.exec(name.split('::').pop() ?? name);
  if (!match) return { story: null, criterion: null };
  return { story: `US-${match[1]!.padStart(3, '0')}`, criterion: match[2] ? `AC${Number(match[2])}` : null };
}

/** Grace beyond a test's limit before a silent run is killed. */
const STALL_GRACE_SECONDS = 2;
/** Silence allowed while the runner starts and collects (imports the test files and the module). */
const COLLECT_SECONDS = 20;

const OUTCOMES = new Set(['passed', 'failed', 'error', 'skipped']);

function readTest(record: Record<string, unknown>): TestCaseResult {
  const name = String(record.name ?? record.id ?? '');
  const outcome = OUTCOMES.has(String(record.outcome)) ? (record.outcome as TestCaseResult['outcome']) : 'error';
  return {
    id: String(record.id ?? name),
    name,
    file: String(record.file ?? ''),
    outcome,
    message: String(record.message ?? ''),
    line: typeof record.line === 'number' ? record.line : 0,
    seconds: typeof record.seconds === 'number' ? record.seconds : 0,
    ...storyIdsOf(name),
  };
}

function interruption(run: SandboxRunResult, wallMs: number): string {
  if (run.stalled) return `the test run was killed after ${(run.durationMs / 1000).toFixed(1)} s without progress (a test stuck past its time limit)`;
  if (run.timedOut) return `the test run was killed after ${Math.round(wallMs / 1000)} s`;
  const stderr = run.stderr.text.trim().split('\n').slice(-2).join(' | ');
  return `the test process ended before reporting (${run.signal ?? `exit code ${run.exitCode}`})${stderr ? `: ${stderr}` : ''}`;
}

/** Builds the result from the runner's records; never claims tests ran that did not report. */
export function readTestRun(run: SandboxRunResult, files: string[], wallMs: number): TestRunResult {
  const tests: TestCaseResult[] = [];
  const collectErrors: TestRunResult['collectErrors'] = [];
  let runner: TestRunResult['runner'] = null;
  let completed = false;
  let outputChars = 0;
  const finished = new Set<string>();
  for (const record of run.records) {
    if (record.event === 'start') runner = record.runner === 'pytest' ? 'pytest' : 'unittest';
    else if (record.event === 'test') {
      const test = readTest(record);
      tests.push(test);
      finished.add(test.id);
    } else if (record.event === 'collect-error') collectErrors.push({ file: String(record.file ?? ''), message: String(record.message ?? '') });
    else if (record.event === 'done') {
      completed = true;
      outputChars = typeof record.outputChars === 'number' ? record.outputChars : 0;
    }
  }
  const incompleteReason = completed ? null : interruption(run, wallMs);
  const running = run.records.filter((record) => record.event === 'running').at(-1);
  const runningId = running ? String(running.test ?? '') : '';
  if (!completed && runningId && !finished.has(runningId)) {
    const name = runningId.split(/::|\./).pop() ?? runningId;
    tests.push({ id: runningId, name, file: '', outcome: 'error', message: `${incompleteReason} while this test ran`, line: 0, seconds: 0, ...storyIdsOf(name) });
  }
  const blocked = run.records.filter((record) => record.event === 'blocked').map((record) => readBlocked(record, 'tests'));
  const ran = tests.filter((test) => test.outcome !== 'skipped').length;
  const inProcess = run.records.filter((record) => record.event === 'in-process').map((record) => ({ file: String(record.file ?? ''), reason: String(record.reason ?? '') }));
  return {
    runner, files, tests, ran, collectErrors, completed, incompleteReason, blocked, durationMs: run.durationMs,
    recordProblems: [...run.recordProblems], expected: null, unreported: [], unknown: [], inProcess, outputChars,
  };
}

/**
 * Compares what the runner reported with what the host counted: the tests that never reported
 * (pytest-style ones say when the runner was unittest) and reported ids the host does not know.
 */
export function compareWithCount(result: TestRunResult, counted: CountedTests): TestRunResult {
  const expected = result.runner === 'unittest' ? counted.unittest : [...counted.unittest, ...counted.pytestOnly];
  const known = new Set(expected);
  const reported = new Set<string>();
  const unknown = new Set<string>();
  for (const test of result.tests) {
    const key = testKey(test.id, result.files);
    if (key !== null && known.has(key)) reported.add(key);
    else unknown.add(test.id);
  }
  const unreported = expected.filter((key) => !reported.has(key));
  if (result.runner === 'unittest') {
    unreported.push(...counted.pytestOnly.map((key) => `${key} (pytest-style, and the interpreter has no pytest)`));
  }
  return { ...result, expected, unreported, unknown: [...unknown] };
}

/** Runs acceptance tests (pytest when the interpreter has it, else unittest) in the sandbox. */
export async function runAcceptanceTests(request: TestsRequest): Promise<{ result: TestRunResult; run: SandboxRunResult }> {
  const names = request.testFiles.map((file) => file.name);
  const testSeconds = request.testSeconds ?? 10;
  const run = await runSandboxed({
    interpreter: request.interpreter,
    files: [request.module],
    // In the runner's read-only folder: the module cannot rewrite a test or plant a conftest next to it.
    trustedFiles: request.testFiles,
    script: 'trusted_main.py',
    config: { role: 'tests', files: names, moduleFileName: request.module.name, runner: request.runner ?? 'auto', testSeconds, ...(request.allowNativeCode ? { allowNativeCode: true } : {}) },
    limits: request.limits,
    allowUnsandboxed: request.allowUnsandboxed,
    // A test stuck where no alarm reaches (C code) is killed soon after its own limit.
    stallMs: (last) => (last?.event === 'running' ? testSeconds + STALL_GRACE_SECONDS : COLLECT_SECONDS) * 1000,
    ...(request.signal ? { signal: request.signal } : {}),
  });
  return { result: readTestRun(run, names, request.limits.wallMs), run };
}
