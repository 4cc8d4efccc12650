/** What the sandboxed runtime stage learned about a module; checks read it from `context.runtime`. */
import type { SandboxInterpreter, SandboxLimits, SandboxProtections } from './sandbox-types.js';

/** An exception raised by the module, as the harness described it. */
export interface PythonError {
  type: string;
  message: string;
  /** Innermost line in the module, 0 when the traceback never reached it. */
  line: number;
  frames: Array<{ line: number; function: string; text: string }>;
}

/** The outcome of importing the module. */
export interface ImportOutcome {
  ok: boolean;
  seconds: number;
  /** True when the import ran past its limit (interrupted, or the run was killed). */
  timedOut: boolean;
  /** Characters the module printed while importing. */
  stdoutChars: number;
  error?: PythonError;
}

/** A docstring example whose output differed or that raised. */
export interface DoctestFailure {
  /** Doctest name, e.g. `library_lending_service.LibraryLendingService.add_book`. */
  name: string;
  line: number;
  source: string;
  expected: string;
  got: string;
}

/** A call that ran past its time limit. */
export interface HangReport {
  /** `Class.method`, `<import>` or `<module>` (module docstring). */
  symbol: string;
  stage: string;
  seconds: number;
  line: number;
  arguments?: string;
  /** True when the harness could not interrupt it and the whole run was killed. */
  killed: boolean;
  /** Where the module's process was stuck, innermost first: `spin (line 11) <- run (line 20)`. */
  stuck?: string;
}

/** A probe call that raised instead of answering. */
export interface EscapeReport {
  symbol: string;
  /** `valid`, `bad`, `bad-optional` or `construct`. */
  stage: string;
  arguments: string;
  /** Which bad input, e.g. `None`, `blank string`; null for valid arguments. */
  input: string | null;
  parameter: string | null;
  error: PythonError;
}

/** A probe call whose answer is not a Gradio-ready response. */
export interface ShapeReport {
  symbol: string;
  stage: string;
  arguments: string;
  input: string | null;
  parameter: string | null;
  problems: string[];
}

/** A bad input (None, blank) for a required parameter that was answered with success: True. */
export interface AcceptedReport {
  symbol: string;
  arguments: string;
  input: string;
  parameter: string;
}

/** A network, process or filesystem action the audit hook blocked. */
export interface BlockedAction {
  /**
   * `planted`: a file Python or a test runner could load as code or configuration (.py, .pth, conftest.py, pytest.ini), even in its own folder;
   * `report`: the module kept the report of a blocked action from the trusted side (closed or replaced its channel, or wrote to it);
   * `native`: it imported native code that walks past the audit hook (ctypes, cffi, a subinterpreter);
   * `native-package`: the same, asked (as the stack says, which the module can forge) by a third-party package;
   * `hook`: it interfered with the audit hook itself (tracing, which runs inside it; an exception raised into it).
   */
  kind: 'network' | 'process' | 'filesystem' | 'planted' | 'peek' | 'report' | 'native' | 'native-package' | 'hook';
  auditEvent: string;
  detail: string;
  /** The module's entry point that tried (`Class.method`, `<import>`), or the running context. */
  symbol: string;
  /** Line of the call that tried, in the innermost module function. */
  line: number;
  /** The innermost module function on the stack (may differ from `symbol`), or null. */
  function: string | null;
  /** True when a frame of the module was on the stack. */
  inModule: boolean;
  context: string;
  source: 'probe' | 'tests';
}

/** The probe process died (not a timeout) while running `symbol`. */
export interface CrashReport {
  symbol: string;
  stage: string;
  exitCode: number | null;
  signal: string | null;
  stderrTail: string;
}

/** Everything the probe harness reported. */
export interface ProbeResult {
  /** False when the probe could not finish even after restarts. */
  completed: boolean;
  import: ImportOutcome | null;
  doctests: { attempted: number; failures: DoctestFailure[]; errors: string[] };
  hangs: HangReport[];
  escapes: EscapeReport[];
  shapes: ShapeReport[];
  accepted: AcceptedReport[];
  blocked: BlockedAction[];
  crashes: CrashReport[];
  /** Methods probed to the end. */
  probed: string[];
  /** Service classes the module does not define at runtime. */
  missingServices: string[];
  restarts: number;
  durationMs: number;
  /** Lines the harness sent that were rejected (malformed, oversized, too deep, without the run's secret). */
  recordProblems: string[];
  /** Bytes the module wrote to stdout and stderr, and characters it logged, counted by the trusted probe (never in the module's process), import included. */
  outputChars?: number;
  /** Set when the module's process, asked to end as a program ends, was still alive after `seconds`. */
  shutdown?: ShutdownReport;
}

/** A module process that did not end when asked: the non-daemon threads it still ran (name, module line). */
export interface ShutdownReport {
  seconds: number;
  threads: Array<{ name: string; line: number; function: string }>;
}

/** One acceptance test's outcome. */
export interface TestCaseResult {
  id: string;
  name: string;
  file: string;
  outcome: 'passed' | 'failed' | 'error' | 'skipped';
  message: string;
  /** Line in the test file. */
  line: number;
  seconds: number;
  /** Story id parsed from the name (`test_us003_ac2_...` gives `US-003`), or null. */
  story: string | null;
  /** Criterion id parsed from the name (`AC2`), or null. */
  criterion: string | null;
}

/** The acceptance-test run. */
export interface TestRunResult {
  runner: 'pytest' | 'unittest' | null;
  files: string[];
  tests: TestCaseResult[];
  /** Tests that ran (passed, failed or errored; skipped ones do not count). */
  ran: number;
  collectErrors: Array<{ file: string; message: string }>;
  /** False when the run was killed or died before reporting its end. */
  completed: boolean;
  /** Why the run did not complete, when it did not. */
  incompleteReason: string | null;
  blocked: BlockedAction[];
  durationMs: number;
  /** Test files that ran next to the module instead of through the proxy, and why (their results could be forged). */
  inProcess?: Array<{ file: string; reason: string }>;
  /** Lines the runner sent that were rejected (malformed, oversized, too deep, without the run's secret). */
  recordProblems: string[];
  /** Tests the host found in the files (`file::Class::method`), counted before the run; null when not counted. */
  expected: string[] | null;
  /** Tests the host found that never reported an outcome (each with why, when known). */
  unreported: string[];
  /** Reported test ids the host did not find in the files. */
  unknown: string[];
  /** Bytes the module wrote to stdout and stderr, and characters it logged, during the tests (counted by the trusted runner). */
  outputChars?: number;
}

/** Figures of one sandboxed process run. */
export interface SandboxRunSummary {
  purpose: 'interpreter' | 'probe' | 'tests';
  durationMs: number;
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  stdoutBytes: number;
  stderrBytes: number;
  outputTruncated: boolean;
  sweptProcesses: number;
  leftoverProcesses: number;
}

/** The `sandbox` section of a module report. */
export interface SandboxReport {
  /** `ran`: runtime checks ran; `refused`: protections missing; `failed`: could not run. */
  status: 'ran' | 'refused' | 'failed';
  reason: string | null;
  protections: SandboxProtections;
  /** Required protections this host lacks. */
  missing: string[];
  /** True when runtime checks ran without a required protection (`--allow-unsandboxed`). */
  unsandboxed: boolean;
  interpreter: SandboxInterpreter | null;
  limits: SandboxLimits;
  runs: SandboxRunSummary[];
  /** What the probe covered, when it ran. */
  probe: { completed: boolean; probedMethods: number; doctestsAttempted: number; restarts: number } | null;
  /** Acceptance-test counts, when tests were given and ran: never success for tests that did not run. */
  tests: {
    runner: string | null; ran: number; passed: number; failed: number; errors: number; skipped: number; completed: boolean;
    /** Files whose tests ran next to the module (not through the proxy), and why. */
    inProcess?: Array<{ file: string; reason: string }>;
  } | null;
}

/** What `context.runtime` holds when the runtime stage ran (or tried to). */
export interface RuntimeResults {
  sandbox: SandboxReport;
  probe: ProbeResult | null;
  /** Null when no test files were given or the stage did not run. */
  tests: TestRunResult | null;
  /** Requested work that did not happen, with why: the fail-closed checks `runtime/not-run` and `tests/not-run` report it. */
  notRun: { runtime: string | null; tests: string | null };
}

/** Extra valid arguments for probing, keyed `Class.method` (or `Class.__init__`). */
export type ProbeExamples = Record<string, Array<{ args?: unknown[]; kwargs?: Record<string, unknown> }>>;
