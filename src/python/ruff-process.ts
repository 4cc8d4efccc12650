import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { helperEnvironment } from './allocator-tunables.js';
import type { LintDiagnostic } from './ruff-engine.js';
import type { RuffAnswer, RuffRequest } from './ruff-worker.js';

interface Pending {
  resolve: (diagnostics: LintDiagnostic[]) => void;
  reject: (error: Error) => void;
}

/**
 * Ruff in a process of its own: loading and running its 10 MB wasm then overlaps the parse, the
 * interpreter's compile and the checks in this one, under its own allocator settings (see
 * allocator-tunables.ts). The process is unref'd while idle, so it never keeps this one alive,
 * and it ends when its stdin closes with this process.
 */
export class RuffProcess {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private readonly crash: (message: string) => Error;
  /** Whether the process has ended, or was stopped: the next request then needs a fresh one. */
  failed = false;

  /** Starts node on `script` (ruff-worker.ts); `crash` makes the error for a lint that crashed Ruff. */
  constructor(script: string, crash: (message: string) => Error) {
    this.crash = crash;
    // No Node or V8 options, inherited or given: the process needs none, some would break it, and
    // a V8 flag on the command line makes V8 refuse its cache of Node's own compiled code (with
    // `--stack-size`, ~12% more CPU to lint). V8's default stack takes Ruff through nesting 2,000
    // deep, and the parse lets no more than 300 through.
    this.child = spawn(process.execPath, [script], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...helperEnvironment(), NODE_OPTIONS: '' },
    });
    let stderr = '';
    this.child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-2000)));
    createInterface({ input: this.child.stdout }).on('line', (line) => this.answer(line));
    this.child.on('error', (error) => this.fail(error));
    this.child.on('close', (code, signal) => this.fail(new Error(`Ruff's process exited with ${code ?? signal}${stderr.trim() ? `: ${stderr.trim().split('\n').pop()}` : ''}`)));
    this.child.stdin.on('error', (error) => this.fail(error));
    // A process that ends before Ruff has loaded would otherwise leave it compiling for a while.
    process.on('exit', this.stop);
    this.child.on('close', () => process.off('exit', this.stop));
    this.setReferenced(false);
  }

  private readonly stop = (): void => {
    this.child.kill('SIGKILL');
  };

  /** A pending request keeps Node alive; an idle process must not. */
  private setReferenced(referenced: boolean): void {
    const handles = [this.child, this.child.stdin, this.child.stdout, this.child.stderr] as unknown as Array<{ ref?: () => void; unref?: () => void }>;
    for (const handle of handles) (referenced ? handle.ref : handle.unref)?.call(handle);
  }

  private answer(line: string): void {
    let answer: RuffAnswer;
    try {
      answer = JSON.parse(line) as RuffAnswer;
    } catch {
      return;
    }
    const pending = this.pending.get(answer.id);
    if (!pending) return;
    this.pending.delete(answer.id);
    if (this.pending.size === 0) this.setReferenced(false);
    if (answer.error !== undefined) {
      pending.reject(this.crash(answer.error));
      // A crash can leave Ruff's wasm memory corrupt: later requests go to a fresh process.
      this.retire();
    } else pending.resolve((answer.diagnostics ?? []) as LintDiagnostic[]);
  }

  private fail(error: Error): void {
    this.failed = true;
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }

  /** Stops the process (its pending requests fail); the next request starts a fresh one. */
  retire(): void {
    this.fail(new Error("Ruff's process was restarted"));
    this.child.kill('SIGKILL');
  }

  /** Lints `source` (null: only loads Ruff, or lints `ahead` in its place, see `lintAhead`); rejects when Ruff crashes or the process ends. */
  request(source: string | null, lineLength: number, targetVersion: string, ahead?: string): Promise<LintDiagnostic[]> {
    if (this.failed) return Promise.reject(new Error("Ruff's process has ended"));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.setReferenced(true);
      const request: RuffRequest = { id, source, lineLength, targetVersion, ...(ahead === undefined ? {} : { ahead }) };
      this.child.stdin.write(`${JSON.stringify(request)}\n`);
    });
  }
}

