import path from 'node:path';
import { BacksmithError } from '../errors.js';
import { readTextFile } from '../inputs/read-text-file.js';
import { isPublicMethod, serviceClasses } from '../python/module-roles.js';
import type { CheckContext } from '../verify/check-context.js';
import { countTests } from './count-tests.js';
import { hostCapabilities, missingProtections, protectionsFor } from './host-capabilities.js';
import { resolveSandboxInterpreter } from './resolve-interpreter.js';
import { runProbe, type ProbeTimeLimits } from './run-probe.js';
import { isProbeable, requiredParameters, unprobedMethods } from './unprobed-methods.js';
import { compareWithCount, runAcceptanceTests } from './run-tests.js';
import type { ProbeExamples, ProbeResult, RuntimeResults, SandboxReport, SandboxRunSummary, TestRunResult } from './runtime-types.js';
import { SandboxRefusedError } from './sandbox-errors.js';
import { DEFAULT_SANDBOX_LIMITS, REQUIRED_PROTECTIONS, type SandboxFile, type SandboxLimits, type SandboxRunResult } from './sandbox-types.js';

/** Largest acceptance-test file accepted. */
const MAX_TEST_FILE_BYTES = 1024 * 1024;

/** How the runtime stage runs. */
export interface RuntimeStageOptions {
  /** Interpreter to use (`python3` by default). */
  python?: string;
  /** True when the user named the interpreter (then it is never replaced by the system one). */
  pythonExplicit?: boolean;
  /** Run even when required sandbox protections are missing; the report says so. */
  allowUnsandboxed?: boolean;
  /** Acceptance test files. */
  tests?: string[];
  /** Extra valid arguments for probing (e.g. the design's examples). */
  examples?: ProbeExamples;
  /** Whether `data` may be a pandas DataFrame (the design declares pandas). */
  allowDataFrame?: boolean;
  limits?: Partial<SandboxLimits>;
  timeLimits?: ProbeTimeLimits;
  /** Cancels the stage (Ctrl-C): running sandboxes are killed at once. */
  signal?: AbortSignal;
}

/** Whether the design (or the configuration) declares pandas, so `data` may be a DataFrame. */
function declaresPandas(context: CheckContext): boolean {
  const names = [...context.config.allowedImports, ...(context.design?.dependencies ?? []).map((dependency) => dependency.name)];
  return names.some((name) => name.toLowerCase() === 'pandas');
}

function summarize(purpose: SandboxRunSummary['purpose'], run: SandboxRunResult): SandboxRunSummary {
  return {
    purpose, durationMs: run.durationMs, exitCode: run.exitCode, signal: run.signal, timedOut: run.timedOut,
    stdoutBytes: run.stdout.totalBytes, stderrBytes: run.stderr.totalBytes, outputTruncated: run.stdout.truncated || run.stderr.truncated,
    sweptProcesses: run.sweptProcesses, leftoverProcesses: run.leftoverProcesses,
  };
}

/**
 * Reads acceptance test files (a file given twice is read once), refusing unreadable or
 * non-text files, and two different files with one base name (they would share one module
 * name in the sandbox), with a clear error.
 */
export async function readTestFiles(files: string[]): Promise<SandboxFile[]> {
  const read: Array<SandboxFile & { path: string }> = [];
  for (const file of files) {
    const name = path.basename(file);
    const resolved = path.resolve(file);
    const other = read.find((entry) => entry.name === name);
    if (other?.path === resolved) continue;
    if (other) throw new BacksmithError(`Test files ${other.path} and ${resolved} have the same name, ${name}: rename one so both can run.`);
    read.push({ name, path: resolved, content: await readTextFile(file, { maxBytes: MAX_TEST_FILE_BYTES, label: 'test file' }) });
  }
  return read.map(({ name, content }) => ({ name, content }));
}

/** Why the probe, though the sandbox ran, did not do its work; null when it did. */
function probeGap(probe: ProbeResult, services: Array<{ name: string; methods: string[] }>): string | null {
  if (probe.import === null) return 'the probe harness never reported importing the module';
  if (!probe.completed && probe.import.ok && probe.hangs.length === 0 && probe.crashes.length === 0) return 'the probe harness ended without reporting its end';
  // Whether a service is there is asked in the module's process, which can answer "missing" for one its source defines.
  const vanished = probe.completed && probe.import.ok ? services.filter((service) => probe.missingServices.includes(service.name)).map((service) => service.name) : [];
  if (vanished.length > 0) return `the module's process said ${vanished.slice(0, 8).join(', ')} ${vanished.length > 1 ? 'are' : 'is'} not defined when it runs, though the module's source defines ${vanished.length > 1 ? 'them' : 'it'}: no method of ${vanished.length > 1 ? 'them' : 'it'} was probed`;
  const unprobed = probe.completed && probe.import.ok ? unprobedMethods(services, probe) : [];
  if (unprobed.length > 0) return `the probe reported nothing for ${unprobed.slice(0, 8).join(', ')}${unprobed.length > 8 ? ` and ${unprobed.length - 8} more` : ''} (no argument set could be planned for them in the module's process)`;
  return null;
}

/** Why the acceptance tests, though the sandbox ran, did not run; null when they did. */
function testsGap(tests: TestRunResult | null): string | null {
  if (tests === null) return 'the test runner did not run';
  if (tests.runner === null) return `the test runner never reported starting${tests.incompleteReason ? ` (${tests.incompleteReason})` : ''}`;
  return null;
}

/** Results of a runtime stage that was asked for but could not start, e.g. without an interpreter. */
export async function notRunResults(reason: string, testsRequested: boolean, limits: Partial<SandboxLimits> = {}): Promise<RuntimeResults> {
  const protections = protectionsFor(await hostCapabilities());
  return {
    sandbox: {
      status: 'failed', reason, protections, missing: missingProtections(protections, REQUIRED_PROTECTIONS), unsandboxed: false, interpreter: null,
      limits: { ...DEFAULT_SANDBOX_LIMITS, ...limits }, runs: [], probe: null, tests: null,
    },
    probe: null,
    tests: null,
    notRun: { runtime: reason, tests: testsRequested ? reason : null },
  };
}

/**
 * The runtime stage: runs the module in the sandbox (import, docstring examples, contract
 * probing) and, when test files are given, the acceptance tests, both at once. Never throws
 * for the module's behaviour; a host that cannot sandbox gives a `refused` report.
 */
export async function runRuntimeStage(context: CheckContext, options: RuntimeStageOptions = {}): Promise<RuntimeResults> {
  const limits: SandboxLimits = { ...DEFAULT_SANDBOX_LIMITS, ...options.limits };
  const allowUnsandboxed = options.allowUnsandboxed ?? false;
  const protections = protectionsFor(await hostCapabilities());
  const missing = missingProtections(protections, REQUIRED_PROTECTIONS);
  const report: SandboxReport = {
    status: 'ran', reason: null, protections, missing, unsandboxed: missing.length > 0, interpreter: null, limits, runs: [], probe: null, tests: null,
  };
  const testsRequested = (options.tests ?? []).length > 0;
  // Fail closed: whatever was asked for and did not run is said so, and the checks make it an error.
  const refuse = (status: SandboxReport['status'], reason: string): RuntimeResults => ({
    sandbox: { ...report, status, reason, unsandboxed: false }, probe: null, tests: null,
    notRun: { runtime: reason, tests: testsRequested ? reason : null },
  });
  if (missing.length > 0 && !allowUnsandboxed) return refuse('refused', new SandboxRefusedError(missing, (await hostCapabilities()).notes).message);
  const clash = (options.tests ?? []).find((file) => path.basename(file) === context.fileName);
  if (clash) return refuse('failed', `test file ${clash} has the module's own file name, ${context.fileName}`);
  const testFiles = await readTestFiles(options.tests ?? []);
  try {
    const resolution = await resolveSandboxInterpreter(options.python ?? 'python3', options.pythonExplicit ?? false, allowUnsandboxed);
    if (!resolution.ok) return refuse('failed', resolution.reason);
    report.interpreter = resolution.interpreter;
    const module: SandboxFile = { name: context.fileName, content: context.source };
    const { design } = context;
    const services = serviceClasses(context.module, design?.primaryClass ? [design.primaryClass] : []).map((cls) => {
      const methods = cls.methods.filter((method) => isPublicMethod(method) && isProbeable(method));
      const init = cls.methods.find((method) => method.name === '__init__');
      return {
        name: cls.name, methods: methods.map((method) => method.name), required: Object.fromEntries(methods.map((method) => [method.name, requiredParameters(method)])),
        construct: init ? requiredParameters(init) : [],
      };
    });
    const common = { interpreter: resolution.interpreter.executable, module, limits, allowUnsandboxed, ...(options.signal ? { signal: options.signal } : {}) };
    // The host counts the tests from the files while the sandbox runs them, then compares.
    const [probe, run, counted] = await Promise.all([
      runProbe({
        ...common, services, allowDataFrame: options.allowDataFrame ?? declaresPandas(context),
        ...(options.examples ? { examples: options.examples } : {}), ...(options.timeLimits ? { timeLimits: options.timeLimits } : {}),
      }),
      testFiles.length > 0 ? runAcceptanceTests({ ...common, testFiles }) : Promise.resolve(null),
      testFiles.length > 0 ? countTests(testFiles) : Promise.resolve(null),
    ]);
    const tests = run && counted ? { ...run, result: compareWithCount(run.result, counted) } : run;
    report.runs = [...probe.runs.map((run) => summarize('probe', run)), ...(tests ? [summarize('tests', tests.run)] : [])];
    const { result } = probe;
    report.probe = { completed: result.completed, probedMethods: result.probed.length, doctestsAttempted: result.doctests.attempted, restarts: result.restarts };
    if (tests) {
      const count = (outcome: string) => tests.result.tests.filter((test) => test.outcome === outcome).length;
      const { runner, ran, completed } = tests.result;
      report.tests = { runner, ran, passed: count('passed'), failed: count('failed'), errors: count('error'), skipped: count('skipped'), completed, inProcess: tests.result.inProcess ?? [] };
    }
    const notRun = { runtime: probeGap(result, services), tests: testsRequested ? testsGap(tests?.result ?? null) : null };
    return { sandbox: report, probe: result, tests: tests?.result ?? null, notRun };
  } catch (error) {
    if (error instanceof SandboxRefusedError) return refuse('refused', error.message);
    return refuse('failed', `the sandbox failed: ${(error as Error).message}`);
  }
}
