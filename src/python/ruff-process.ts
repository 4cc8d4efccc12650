import { helperEnvironment } from './allocator-tunables.js';
import { JsonLineChild } from './json-line-child.js';
import type { LintDiagnostic } from './ruff-engine.js';
import type { RuffAnswer, RuffRequest } from './ruff-worker.js';

/** Ruff itself failed on a source (e.g. its parser ran out of stack on deep nesting). */
export class RuffCrash extends Error {
  override readonly name = 'RuffCrash';
}

/**
 * Ruff in a process of its own: loading and running its 10 MB wasm then overlaps the parse, the
 * interpreter's compile and the checks in this one, under its own allocator settings (see
 * allocator-tunables.ts; json-line-child.ts for its life).
 */
export class RuffProcess {
  private readonly process: JsonLineChild;

  /** Starts node on `script` (ruff-worker.ts). */
  constructor(script: string) {
    // No Node or V8 options, inherited or given: the process needs none, some would break it, and
    // a V8 flag on the command line makes V8 refuse its cache of Node's own compiled code (with
    // `--stack-size`, ~12% more CPU to lint). V8's default stack takes Ruff through nesting 2,000
    // deep, and the parse lets no more than 300 through.
    this.process = new JsonLineChild({
      command: process.execPath,
      args: [script],
      env: { ...helperEnvironment(), NODE_OPTIONS: '' },
      ended: (status, lastStderrLine) => new Error(`Ruff's process exited with ${status}${lastStderrLine ? `: ${lastStderrLine}` : ''}`),
    });
  }

  /** Whether the process has ended, or was stopped: the next request then needs a fresh one. */
  get failed(): boolean {
    return this.process.failure !== null;
  }

  /** Stops the process (its pending requests fail); the next request starts a fresh one. */
  retire(): void {
    this.process.stop(new Error("Ruff's process was restarted"));
  }

  /** Lints `source` (null: only loads Ruff, or lints `ahead` in its place, see `lintAhead`); rejects when Ruff crashes or the process ends. */
  async request(source: string | null, lineLength: number, targetVersion: string, ahead?: string): Promise<LintDiagnostic[]> {
    const request: Omit<RuffRequest, 'id'> = { source, lineLength, targetVersion, ...(ahead === undefined ? {} : { ahead }) };
    const answer = await this.process.send<RuffAnswer>(request);
    if (answer.error === undefined) return (answer.diagnostics ?? []) as LintDiagnostic[];
    // A crash can leave Ruff's wasm memory corrupt: later requests go to a fresh process.
    this.retire();
    throw new RuffCrash(answer.error);
  }
}
