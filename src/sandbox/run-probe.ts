import { runSandboxed } from './run-sandboxed.js';
import type { BlockedAction, ProbeExamples, ProbeResult, PythonError } from './runtime-types.js';
import type { SandboxFile, SandboxLimits, SandboxRunResult } from './sandbox-types.js';

/** Time limits of the probe, in seconds. */
export interface ProbeTimeLimits {
  importSeconds: number;
  doctestSeconds: number;
  callSeconds: number;
}

/** Defaults: a generated backend module imports in milliseconds and answers a call in less. */
export const DEFAULT_PROBE_TIME_LIMITS: ProbeTimeLimits = { importSeconds: 10, doctestSeconds: 5, callSeconds: 1 };

/** A service class to probe: its public methods, and each method's required parameters as the host read them. */
export interface ProbedService {
  name: string;
  methods: string[];
  /**
   * Required parameters by method (name and annotation source), from the host's parse of the module: the probe calls
   * each with None (unless its annotation allows None) and a blank string whatever the module's own plan says, since
   * that plan is worked out in the module's process, which can empty it.
   */
  required?: Record<string, Array<{ name: string; annotation: string | null }>>;
  /** The constructor's required parameters, read the same way: a set built from plain annotations is tried too. */
  construct?: Array<{ name: string; annotation: string | null }>;
}

/** What to probe. */
export interface ProbeRequest {
  interpreter: string;
  module: SandboxFile;
  /** Service classes and the public methods to call. */
  services: ProbedService[];
  examples?: ProbeExamples;
  allowDataFrame: boolean;
  limits: SandboxLimits;
  timeLimits?: ProbeTimeLimits;
  allowUnsandboxed: boolean;
  doctests?: boolean;
  /** Cancels the probe: the running sandbox is killed and no restart follows. */
  signal?: AbortSignal;
}

/** How many times a probe killed by a hang or crash is restarted without the culprit. */
const MAX_RESTARTS = 3;

function emptyResult(): ProbeResult {
  return {
    completed: false, import: null, doctests: { attempted: 0, failures: [], errors: [] }, hangs: [], escapes: [],
    shapes: [], accepted: [], blocked: [], crashes: [], probed: [], missingServices: [], restarts: 0, durationMs: 0, recordProblems: [],
  };
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const number = (value: unknown): number => (typeof value === 'number' ? value : 0);
const nullableText = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** Frames of one exception kept from the harness's description. */
const MAX_FRAMES = 50;

/** Reads an exception description sent by the harness. */
export function readPythonError(value: unknown): PythonError {
  const record = (value ?? {}) as Record<string, unknown>;
  const frames = (Array.isArray(record.frames) ? record.frames.slice(0, MAX_FRAMES) : []).map((frame: unknown) => {
    const fields = (frame && typeof frame === 'object' ? frame : {}) as Record<string, unknown>;
    return { line: number(fields.line), function: text(fields.function), text: text(fields.text) };
  });
  return { type: text(record.type), message: text(record.message), line: number(record.line), frames };
}

/** Reads a `blocked` record. */
export function readBlocked(record: Record<string, unknown>, source: BlockedAction['source']): BlockedAction {
  return {
    kind: text(record.kind) as BlockedAction['kind'], auditEvent: text(record.auditEvent), detail: text(record.detail),
    symbol: text(record.symbol), line: number(record.line), function: nullableText(record.function), inModule: record.inModule === true,
    context: text(record.context), source,
  };
}

function merge(result: ProbeResult, records: Array<Record<string, unknown>>, seen: Set<string>): void {
  for (const record of records) {
    const key = JSON.stringify(record);
    if (record.event !== 'running' && seen.has(key)) continue;
    seen.add(key);
    const common = { symbol: text(record.symbol), stage: text(record.stage), arguments: text(record.arguments) };
    const inputs = { input: nullableText(record.input), parameter: nullableText(record.parameter) };
    switch (record.event) {
      case 'import':
        result.import ??= {
          ok: record.ok === true, seconds: number(record.seconds), timedOut: record.timedOut === true, stdoutChars: number(record.stdoutChars),
          ...(record.error ? { error: readPythonError(record.error) } : {}),
        };
        break;
      case 'doctest-failure':
        result.doctests.failures.push({ name: text(record.name), line: number(record.line), source: text(record.source), expected: text(record.expected), got: text(record.got) });
        break;
      case 'doctest-error':
        result.doctests.errors.push(text(record.message));
        break;
      case 'doctests':
        result.doctests.attempted = number(record.attempted);
        break;
      case 'hang':
        result.hangs.push({ ...common, seconds: number(record.seconds), line: number(record.line), killed: false, ...(record.stuck ? { stuck: text(record.stuck) } : {}) });
        break;
      case 'escape':
        result.escapes.push({ ...common, ...inputs, error: readPythonError(record.error) });
        break;
      case 'shape':
        result.shapes.push({ ...common, ...inputs, problems: Array.isArray(record.problems) ? record.problems.map(String) : [] });
        break;
      case 'accepted':
        result.accepted.push({ symbol: common.symbol, arguments: common.arguments, input: text(record.input), parameter: text(record.parameter) });
        break;
      case 'blocked':
        result.blocked.push(readBlocked(record, 'probe'));
        break;
      case 'probed':
        result.probed.push(common.symbol);
        break;
      case 'service-missing':
        result.missingServices.push(common.symbol);
        break;
      case 'shutdown':
        result.shutdown = {
          seconds: number(record.seconds),
          threads: (Array.isArray(record.threads) ? record.threads.slice(0, 8) : []).map((thread: unknown) => {
            const fields = (thread && typeof thread === 'object' ? thread : {}) as Record<string, unknown>;
            return { name: text(fields.name), line: number(fields.line), function: text(fields.function) };
          }),
        };
        break;
      case 'done':
        result.completed = true;
        result.outputChars = (result.outputChars ?? 0) + number(record.stdoutChars);
        break;
    }
  }
}

/** Grace beyond a phase's own limit before a silent probe is killed (its alarm could not fire). */
const STALL_GRACE_SECONDS = 2;

/** How long the probe may stay silent after `last`: the running phase's limit plus a grace. */
function stallAllowance(last: Record<string, unknown> | null, limits: ProbeTimeLimits): number {
  const stage = typeof last?.stage === 'string' ? last.stage : '';
  const seconds = last?.event !== 'running' || stage === 'import' ? limits.importSeconds : stage === 'doctest' ? limits.doctestSeconds : limits.callSeconds;
  return (seconds + STALL_GRACE_SECONDS) * 1000;
}

/** Records what killed an unfinished run; returns the symbol to skip next time, or null to stop. */
function recordInterruption(result: ProbeResult, run: SandboxRunResult, limits: ProbeTimeLimits, wallMs: number): string | null {
  const running = run.records.filter((record) => record.event === 'running').at(-1);
  const symbol = text(running?.symbol);
  const stage = text(running?.stage);
  if (!running || stage === 'import') {
    const why = run.timedOut
      ? `importing did not finish within ${Math.round((run.stalled ? run.durationMs : wallMs) / 1000)} s; the run was killed`
      : `the interpreter died while importing (${run.signal ?? `exit code ${run.exitCode}`})`;
    result.import = { ok: false, seconds: 0, timedOut: run.timedOut, stdoutChars: 0, error: { type: run.timedOut ? 'Timeout' : 'Crash', message: why, line: 0, frames: [] } };
    if (!running && !run.timedOut) result.import.error!.message += `: ${run.stderr.text.trim().split('\n').slice(-3).join(' | ')}`;
    return null;
  }
  const name = symbol.startsWith('doctest:') ? symbol.slice('doctest:'.length) : symbol;
  if (run.timedOut) {
    const seconds = stage === 'doctest' ? limits.doctestSeconds : limits.callSeconds;
    result.hangs.push({ symbol: name, stage, seconds, line: 0, killed: true, ...(running.arguments ? { arguments: text(running.arguments) } : {}) });
  } else {
    result.crashes.push({ symbol: name, stage, exitCode: run.exitCode, signal: run.signal, stderrTail: run.stderr.text.trim().split('\n').slice(-3).join('\n') });
  }
  return symbol;
}

/**
 * Runs the probe harness on the module in the sandbox. A hang no alarm can interrupt, or a
 * crash, ends that run: it is recorded against the method that was running, and the probe
 * is restarted without it (and without what was already probed), so the rest still reports.
 */
export async function runProbe(request: ProbeRequest): Promise<{ result: ProbeResult; runs: SandboxRunResult[] }> {
  const limits = request.timeLimits ?? DEFAULT_PROBE_TIME_LIMITS;
  const result = emptyResult();
  const runs: SandboxRunResult[] = [];
  const skip: string[] = [];
  const seen = new Set<string>();
  let doctests = request.doctests ?? true;
  const started = performance.now();
  const moduleName = request.module.name.replace(/\.py$/, '');
  for (let attempt = 0; attempt <= MAX_RESTARTS; attempt++) {
    const run = await runSandboxed({
      interpreter: request.interpreter,
      files: [request.module],
      // One entry for the probe and the tests (python/trusted_main.py): the module cannot tell them apart by it.
      script: 'trusted_main.py',
      config: {
        role: 'probe', moduleFileName: request.module.name, moduleName, services: request.services, examples: request.examples ?? {},
        allowDataFrame: request.allowDataFrame, skip: [...skip, ...result.probed], doctests, ...limits,
      },
      limits: request.limits,
      allowUnsandboxed: request.allowUnsandboxed,
      stallMs: (last) => stallAllowance(last, limits),
      ...(request.signal ? { signal: request.signal } : {}),
    });
    runs.push(run);
    result.recordProblems.push(...run.recordProblems.map((problem) => `probe run ${attempt + 1}: ${problem}`));
    merge(result, run.records, seen);
    if (result.completed || run.cancelled) break;
    if (run.records.some((record) => record.event === 'doctests')) doctests = false;
    const culprit = recordInterruption(result, run, limits, request.limits.wallMs);
    if (culprit === null || attempt === MAX_RESTARTS) break;
    skip.push(culprit);
    result.restarts++;
  }
  result.durationMs = Math.round(performance.now() - started);
  return { result, runs };
}
