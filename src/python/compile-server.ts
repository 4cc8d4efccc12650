import { helperEnvironment } from './allocator-tunables.js';
import { compilePieceStarts } from './compile-pieces.js';
import { JsonLineChild } from './json-line-child.js';
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
 * verifying a batch pays the interpreter's start-up once (see json-line-child.ts for its life).
 */
class CompileServer {
  private readonly process: JsonLineChild;

  constructor(python: string) {
    // A pyenv shim costs more to start than the interpreter behind it: that one is started directly.
    this.process = new JsonLineChild({
      command: resolvePythonCommand(python),
      args: ['-I', '-S', '-u', pythonHelperPath('compile_server.py')],
      env: helperEnvironment(),
      ended: (status, lastStderrLine) => new Error(`interpreter exited with ${status}: ${lastStderrLine}`),
    });
  }

  get broken(): boolean {
    return this.process.failure !== null;
  }

  compile(source: string, name: string, pieces: number[] | null): Promise<CompileAnswer> {
    if (this.process.failure) return Promise.reject(this.process.failure);
    unwritten++;
    return this.process.send<CompileAnswer>(pieces ? { name, source, pieces } : { name, source }, {
      timeoutMs: REQUEST_TIMEOUT_MS,
      timeoutMessage: `no answer from the interpreter within ${REQUEST_TIMEOUT_MS / 1000} s`,
      written,
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

/**
 * Compiles `source` with `python` (started once per interpreter and reused). A large module is
 * compiled in pieces where `compilePieceStarts` would cut it, unless `pieces` says where to cut
 * (tests) or null for whole; the answer is the same either way.
 */
export function compileWithPython(python: string, source: string, name: string, pieces: number[] | null = compilePieceStarts(source)): Promise<CompileAnswer> {
  return serverFor(python).compile(source, name, pieces);
}
