import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';

interface Pending {
  resolve: (answer: unknown) => void;
  reject: (error: Error) => void;
  timer?: NodeJS.Timeout;
}

/** How a helper process is started, and what its end is called. */
export interface JsonLineChildOptions {
  command: string;
  args: readonly string[];
  env: NodeJS.ProcessEnv;
  /** The error for the process's end: its exit code (or signal) and the last line it wrote on stderr ('' if none). */
  ended: (status: number | string | null, lastStderrLine: string) => Error;
}

/** What one request may add: a time limit, and a callback for when its line is in the pipe. */
export interface SendOptions {
  /** Past this, the request fails with `timeoutMessage` and the process is killed. */
  timeoutMs?: number;
  timeoutMessage?: string;
  /** Called once the request is written, or its write failed (the request then fails by the end or its timer). */
  written?: () => void;
}

/**
 * A long-lived helper process (the interpreter's compile server, Ruff's process) that answers JSON
 * lines with JSON lines carrying the request's `id`. It is unref'd while no request waits, so it
 * never keeps Node alive; it ends when its stdin closes with this process, and is killed when this
 * process exits, so that one ending early does not leave it at work. Its first failure (it could
 * not start, it ended, its pipe broke) fails every waiting request and every later one.
 */
export class JsonLineChild {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  /** The first failure, or null while the process serves. */
  failure: Error | null = null;

  /** Starts the process. */
  constructor(options: JsonLineChildOptions) {
    this.child = spawn(options.command, options.args, { stdio: ['pipe', 'pipe', 'pipe'], env: options.env });
    let stderr = '';
    this.child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-2000)));
    createInterface({ input: this.child.stdout }).on('line', (line) => this.answer(line));
    this.child.on('error', (error) => this.fail(error));
    this.child.on('close', (code, signal) => {
      process.off('exit', this.kill);
      this.fail(options.ended(code ?? signal, stderr.trim().split('\n').pop() ?? ''));
    });
    this.child.stdin.on('error', (error) => this.fail(error));
    process.on('exit', this.kill);
    this.setReferenced(false);
  }

  private readonly kill = (): void => {
    this.child.kill('SIGKILL');
  };

  /** A pending request keeps Node alive; an idle process must not. */
  private setReferenced(referenced: boolean): void {
    const handles = [this.child, this.child.stdin, this.child.stdout, this.child.stderr] as unknown as Array<{ ref?: () => void; unref?: () => void }>;
    for (const handle of handles) (referenced ? handle.ref : handle.unref)?.call(handle);
  }

  private settle(id: number): Pending | undefined {
    const pending = this.pending.get(id);
    if (!pending) return undefined;
    clearTimeout(pending.timer);
    this.pending.delete(id);
    if (this.pending.size === 0) this.setReferenced(false);
    return pending;
  }

  private answer(line: string): void {
    let parsed: { id: number };
    try {
      parsed = JSON.parse(line) as { id: number };
    } catch {
      return;
    }
    this.settle(parsed.id)?.resolve(parsed);
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const pending of this.pending.values()) {
      clearTimeout(pending.timer);
      pending.reject(error);
    }
    this.pending.clear();
  }

  /** Fails the waiting requests with `error` and kills the process (a later request needs a fresh one). */
  stop(error: Error): void {
    this.fail(error);
    this.kill();
  }

  /** Sends `request` with a fresh `id`; resolves with the answer that carries it. */
  send<Answer>(request: object, options: SendOptions = {}): Promise<Answer> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise<Answer>((resolve, reject) => {
      const pending: Pending = { resolve: resolve as (answer: unknown) => void, reject };
      if (options.timeoutMs !== undefined) {
        pending.timer = setTimeout(() => {
          this.settle(id);
          reject(new Error(options.timeoutMessage ?? `no answer within ${options.timeoutMs} ms`));
          this.kill();
        }, options.timeoutMs);
        pending.timer.unref();
      }
      this.pending.set(id, pending);
      this.setReferenced(true);
      this.child.stdin.write(`${JSON.stringify({ ...request, id })}\n`, options.written);
    });
  }
}
