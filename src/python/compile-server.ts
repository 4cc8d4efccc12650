import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { helperEnvironment } from './allocator-tunables.js';
import { pythonHelperPath } from './package-paths.js';
import { resolvePythonCommand } from './resolve-python-command.js';

/** What the interpreter said about one source text. */
export interface CompileAnswer {
  ok: boolean;
  version: string;
  line?: number;
  column?: number;
  message?: string;
}

interface Pending {
  resolve: (answer: CompileAnswer) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

const REQUEST_TIMEOUT_MS = 15_000;

/** Requests still being written to an interpreter's stdin, and who waits for them to be written. */
let unwritten = 0;
let onWritten: Array<() => void> = [];

function written(): void {
  if (--unwritten > 0) return;
  const waiting = onWritten;
  onWritten = [];
  for (const resolve of waiting) resolve();
}

/**
 * Resolves once every compile request made so far is in the interpreters' pipes. Node writes what
 * a pipe does not take at once (64 KB) only when its event loop runs again: a long synchronous
 * stretch right after a request (a 1 MB parse) would leave the interpreter waiting for the rest of
 * the source, and its compile would follow the parse instead of running beside it.
 */
export function compileRequestsWritten(): Promise<void> {
  return unwritten === 0 ? Promise.resolve() : new Promise((resolve) => onWritten.push(resolve));
}

/**
 * One long-lived interpreter that compiles (never runs) source texts on request, so that
 * verifying a batch pays the interpreter's start-up once. The process is unref'd: it never
 * keeps Node alive, and it ends when its stdin closes with the parent.
 */
class CompileServer {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private failure: Error | null = null;

  constructor(python: string) {
    // A pyenv shim costs more to start than the interpreter behind it: that one is started directly.
    this.child = spawn(resolvePythonCommand(python), ['-I', '-S', '-u', pythonHelperPath('compile_server.py')], { stdio: ['pipe', 'pipe', 'pipe'], env: helperEnvironment() });
    let stderr = '';
    this.child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-2000)));
    createInterface({ input: this.child.stdout }).on('line', (line) => this.answer(line));
    this.child.on('error', (error) => this.fail(error));
    this.child.on('close', (code) => this.fail(new Error(`interpreter exited with ${code}: ${stderr.trim().split('\n').pop() ?? ''}`)));
    this.child.stdin.on('error', (error) => this.fail(error));
    this.setReferenced(false);
  }

  /** A pending request keeps Node alive; an idle server must not. */
  private setReferenced(referenced: boolean): void {
    const handles = [this.child, this.child.stdin, this.child.stdout, this.child.stderr] as unknown as Array<{ ref?: () => void; unref?: () => void }>;
    for (const handle of handles) (referenced ? handle.ref : handle.unref)?.call(handle);
  }

  private answer(line: string): void {
    let parsed: CompileAnswer & { id: number };
    try {
      parsed = JSON.parse(line) as CompileAnswer & { id: number };
    } catch {
      return;
    }
    const pending = this.pending.get(parsed.id);
    if (!pending) return;
    clearTimeout(pending.timer);
    this.pending.delete(parsed.id);
    if (this.pending.size === 0) this.setReferenced(false);
    pending.resolve(parsed);
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const pending of this.pending.values()) {
      clearTimeout(pending.timer);
      pending.reject(error);
    }
    this.pending.clear();
  }

  get broken(): boolean {
    return this.failure !== null;
  }

  compile(source: string, name: string): Promise<CompileAnswer> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`no answer from the interpreter within ${REQUEST_TIMEOUT_MS / 1000} s`));
        this.child.kill('SIGKILL');
      }, REQUEST_TIMEOUT_MS);
      timer.unref();
      this.pending.set(id, { resolve, reject, timer });
      this.setReferenced(true);
      unwritten++;
      // Called once written, or on error (the request then fails by the close or its timer).
      this.child.stdin.write(`${JSON.stringify({ id, name, source })}\n`, written);
    });
  }
}

const servers = new Map<string, CompileServer>();

function serverFor(python: string): CompileServer {
  let server = servers.get(python);
  if (!server || server.broken) {
    server = new CompileServer(python);
    servers.set(python, server);
  }
  return server;
}

/** Starts the interpreter ahead of the first request, so its start-up overlaps other work. */
export function startCompileServer(python: string): void {
  serverFor(python);
}

/** Compiles `source` with `python` (started once per interpreter and reused). */
export function compileWithPython(python: string, source: string, name: string): Promise<CompileAnswer> {
  return serverFor(python).compile(source, name);
}
