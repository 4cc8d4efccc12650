import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { runRuff, type LintDiagnostic } from './ruff-engine.js';
import type { RuffRequest } from './ruff-worker.js';

export { RUFF_RULE_FAMILIES, type LintDiagnostic } from './ruff-engine.js';

const DEFAULT_TARGET_VERSION = 'py310';
/** The line length of the default configuration (kept here so the CLI can warm Ruff up before loading it). */
export const DEFAULT_LINE_LENGTH = 100;
const WORKER_FILE = fileURLToPath(new URL('./ruff-worker.js', import.meta.url));

interface Pending {
  resolve: (diagnostics: LintDiagnostic[]) => void;
  reject: (error: Error) => void;
}

/**
 * Ruff on its own thread: loading and running its 10 MB wasm then overlaps the parse, the
 * interpreter's compile and the checks on the main thread. The worker is unref'd while idle,
 * so it never keeps the process alive.
 */
class RuffThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  failed = false;

  constructor() {
    this.worker = new Worker(WORKER_FILE);
    this.worker.unref();
    this.worker.on('message', (answer: { id: number; diagnostics?: LintDiagnostic[]; error?: string }) => {
      const pending = this.pending.get(answer.id);
      if (!pending) return;
      this.pending.delete(answer.id);
      if (this.pending.size === 0) this.worker.unref();
      if (answer.error !== undefined) pending.reject(new Error(answer.error));
      else pending.resolve(answer.diagnostics ?? []);
    });
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`Ruff's worker thread exited with ${code}`)));
  }

  private fail(error: Error): void {
    this.failed = true;
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }

  request(source: string | null, lineLength: number, targetVersion: string): Promise<LintDiagnostic[]> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.ref();
      const request: RuffRequest = { id, source, lineLength, targetVersion };
      this.worker.postMessage(request);
    });
  }
}

let thread: RuffThread | null = null;

/** The worker, or null where it cannot run (sources run by a TypeScript test runner have no .js worker file). */
function ruffThread(): RuffThread | null {
  if (thread && !thread.failed) return thread;
  if (!existsSync(WORKER_FILE)) return null;
  thread = new RuffThread();
  return thread;
}

/** Loads Ruff's wasm ahead of the first lint, so that it overlaps other start-up work. */
export function warmUpRuff(lineLength: number, targetVersion = DEFAULT_TARGET_VERSION): void {
  void ruffThread()?.request(null, lineLength, targetVersion).catch(() => undefined);
}

/** Lints Python source with Ruff (on a worker thread when possible, else on this one). */
export async function lintPython(source: string, lineLength: number, targetVersion = DEFAULT_TARGET_VERSION): Promise<LintDiagnostic[]> {
  const worker = ruffThread();
  if (worker) {
    try {
      return await worker.request(source, lineLength, targetVersion);
    } catch {
      // A crashed worker must not lose the lint: run it here instead.
    }
  }
  return runRuff(source, lineLength, targetVersion);
}
