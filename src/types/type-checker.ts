import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspConnection } from './lsp-connection.js';
import { cleanUpOnExit } from '../cancel/clean-up-on-exit.js';
import { createPyrightWorkspace, interpreterVersion, pyrightLangserverPath, type PyrightWorkspace } from './pyright-workspace.js';
import { toTypeFindings, type LspDiagnostic, type TypeFinding } from './type-finding.js';
import { WARM_UP_MODULE } from './warm-up-module.js';

/** A warm pyright that type-checks module texts from memory. */
export interface TypeChecker {
  /** pyright's findings on `source`, checked as a module named like `path` (which is never read). Rejects when pyright crashes or times out. */
  check(source: string, path: string): Promise<TypeFinding[]>;
  /** Stops pyright and removes its temporary folder. */
  close(): Promise<void>;
}

/** How the type checker is set up. */
export interface TypeCheckerOptions {
  /** Interpreter whose `major.minor` version the module targets (default python3; null: 3.11). */
  python?: string | null;
  /** The target version itself, when known (skips asking the interpreter). */
  pythonVersion?: string;
  /** Honour `# type: ignore` comments (default true; false for a model's drafts). */
  honorTypeIgnore?: boolean;
  /** Longest wait for one module's diagnostics (default 30 s; pyright is then restarted). */
  timeoutMs?: number;
  /** Check a small sample module a few times after start-up, so that the first real checks run warm (for `generate`: it waits for the model anyway). */
  warmUp?: boolean;
}

const WARM_UP_ROUNDS = 3;

/** Checks the warm-up sample in the background; its outcome does not matter. */
async function warmUp(server: { check(source: string, modulePath: string): Promise<unknown> }): Promise<void> {
  for (let round = 0; round < WARM_UP_ROUNDS; round++) {
    await server.check(`${WARM_UP_MODULE}\n# warm-up round ${round}\n`, '_backsmith_warm_up.py').catch(() => undefined);
  }
}

const DEFAULT_TIMEOUT_MS = 30_000;
const LARGEST_TRACKED_NAME = 200;
const MAX_OPEN_DOCUMENTS = 64;

interface Waiter {
  resolve: (findings: TypeFinding[]) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
  version: number;
}

interface OpenDocument {
  /** Text pyright last checked, and what it found in it. */
  text: string | null;
  findings: TypeFinding[];
  version: number;
  /** Checks of this document started and not finished. */
  queued: number;
}

/** One pyright language server process and the documents it is checking. */
class PyrightServer {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly connection: LspConnection;
  private readonly waiters = new Map<string, Waiter>();
  private readonly ready: Promise<PyrightWorkspace>;
  private failure: Error | null = null;
  private readonly documents = new Map<string, OpenDocument>();
  /** The latest check; the next one starts after it (see `check`). */
  private queue: Promise<unknown> = Promise.resolve();
  private stderr = '';
  private readonly workspace: PyrightWorkspace;
  private readonly forgetChild: () => void;

  constructor(version: Promise<string>, private readonly options: TypeCheckerOptions) {
    // Started before the version is known: loading pyright's code overlaps the interpreter's answer.
    this.workspace = createPyrightWorkspace();
    // pyright's own temporary files go into the workspace, so that they go with it whatever ends backsmith.
    this.child = spawn(process.execPath, [pyrightLangserverPath(), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, TMPDIR: this.workspace.scratch } });
    const child = this.child;
    this.forgetChild = cleanUpOnExit(() => child.kill('SIGKILL'));
    child.once('exit', () => this.forgetChild());
    this.child.stderr.setEncoding('utf8').on('data', (chunk: string) => (this.stderr = (this.stderr + chunk).slice(-2000)));
    this.child.on('error', (error) => this.connection.fail(error));
    this.child.on('close', (code, signal) => this.connection.fail(new Error(`pyright exited (${signal ?? code})${this.stderr.trim() ? `: ${this.stderr.trim().split('\n').pop()}` : ''}`)));
    this.connection = new LspConnection(this.child, (method, params) => this.notified(method, params), (error) => this.failed(error));
    this.setReferenced(false);
    this.ready = version.then((pythonVersion) => this.initialize(pythonVersion));
    this.ready.catch(() => undefined);
  }

  get broken(): boolean {
    return this.failure !== null;
  }

  async check(source: string, modulePath: string): Promise<TypeFinding[]> {
    const workspace = await this.ready;
    const name = path.basename(modulePath).slice(-LARGEST_TRACKED_NAME) || 'module.py';
    const uri = pathToFileURL(path.join(workspace.modules, name.endsWith('.py') ? name : `${name}.py`)).href;
    // One document per module name, kept open: pyright re-checks a changed document about twice
    // as fast as a new one. One check at a time: while checking one document pyright may publish
    // an empty list for another it has not checked yet, which must not be taken for its answer.
    let document = this.documents.get(uri);
    if (!document) {
      this.closeIdleDocuments();
      document = { text: null, findings: [], version: 0, queued: 0 };
      this.documents.set(uri, document);
    }
    const open = document;
    open.queued++;
    const turn = this.queue.then(() => this.checkDocument(uri, open, source)).finally(() => open.queued--);
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /** Past `MAX_OPEN_DOCUMENTS`, the documents no check is waiting for are closed (a long-lived server stays small). */
  private closeIdleDocuments(): void {
    if (this.documents.size < MAX_OPEN_DOCUMENTS) return;
    for (const [uri, document] of this.documents) {
      if (document.queued > 0) continue;
      this.documents.delete(uri);
      if (document.version > 0) this.connection.notify('textDocument/didClose', { textDocument: { uri } });
    }
  }

  private async checkDocument(uri: string, document: OpenDocument, source: string): Promise<TypeFinding[]> {
    if (this.failure) throw this.failure;
    if (document.text === source) return document.findings;
    const version = ++document.version;
    const timeoutMs = this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const findings = new Promise<TypeFinding[]>((resolve, reject) => {
      const timer = setTimeout(() => {
        // A module that keeps pyright busy this long gets a finding; pyright is restarted for the next one.
        this.connection.fail(new Error(`pyright gave no diagnostics within ${timeoutMs / 1000} s`));
      }, timeoutMs);
      this.waiters.set(uri, { resolve, reject, timer, version });
      this.setReferenced(true);
    });
    if (version === 1) this.connection.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version, text: source } });
    else {
      // Closed and opened again rather than changed: pyright waits 250 ms after a change (it takes one
      // for typing), but analyses an opened document at once.
      this.connection.notify('textDocument/didClose', { textDocument: { uri } });
      this.connection.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version, text: source } });
    }
    document.findings = await findings;
    document.text = source;
    return document.findings;
  }

  /** Ends pyright at once: it only ever read texts, so there is nothing to save (and a cancelled run must not wait). */
  async close(): Promise<void> {
    const exited = this.child.exitCode !== null || this.child.signalCode !== null
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
        // A referenced timer: waiting for the exit must keep Node alive (the child itself is unreferenced).
        const timer = setTimeout(resolve, 500);
        this.child.once('close', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    this.connection.fail(new Error('the type checker was closed'));
    this.workspace.remove();
    // Reaped before returning, so that its CPU time is counted with its parent's (time, bench).
    await exited;
  }

  private async initialize(pythonVersion: string): Promise<PyrightWorkspace> {
    const { workspace } = this;
    workspace.configure({ pythonVersion, honorTypeIgnore: this.options.honorTypeIgnore ?? true });
    const rootUri = pathToFileURL(workspace.root).href;
    this.setReferenced(true);
    try {
      await this.connection.request('initialize', {
        processId: process.pid,
        rootUri,
        workspaceFolders: [{ uri: rootUri, name: 'backsmith' }],
        capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } },
      });
    } catch (error) {
      workspace.remove();
      throw error;
    } finally {
      if (this.waiters.size === 0) this.setReferenced(false);
    }
    this.connection.notify('initialized', {});
    return workspace;
  }

  private notified(method: string, params: unknown): void {
    if (method !== 'textDocument/publishDiagnostics') return;
    const { uri, version, diagnostics } = params as { uri: string; version?: number; diagnostics: LspDiagnostic[] };
    const waiter = this.waiters.get(uri);
    // Only the answer for the version sent: pyright also publishes version-less empty lists (a closed document).
    if (!waiter || version !== waiter.version) return;
    clearTimeout(waiter.timer);
    this.waiters.delete(uri);
    if (this.waiters.size === 0) this.setReferenced(false);
    waiter.resolve(toTypeFindings(diagnostics));
  }

  private failed(error: Error): void {
    this.failure ??= error;
    for (const waiter of this.waiters.values()) {
      clearTimeout(waiter.timer);
      waiter.reject(error);
    }
    this.waiters.clear();
    this.child.kill('SIGKILL');
  }

  /** A check in progress keeps Node alive; an idle server must not (it exits with its parent). */
  private setReferenced(referenced: boolean): void {
    const handles = [this.child, this.child.stdin, this.child.stdout, this.child.stderr] as unknown as Array<{ ref?: () => void; unref?: () => void }>;
    for (const handle of handles) (referenced ? handle.ref : handle.unref)?.call(handle);
  }
}

/**
 * Starts pyright's language server at once (a Node process of its own) and returns a checker that
 * sends it module texts from memory: the first check waits for start-up (about 2 s), the next ones
 * reuse what pyright has loaded. pyright only reads the text; nothing is run. A crashed or stuck
 * server is replaced at the next check.
 */
export function startTypeChecker(options: TypeCheckerOptions = {}): TypeChecker {
  const version = options.pythonVersion !== undefined ? Promise.resolve(options.pythonVersion) : interpreterVersion(options.python === undefined ? 'python3' : options.python);
  let server = new PyrightServer(version, options);
  if (options.warmUp) void warmUp(server);
  let closed = false;
  return {
    check(source, modulePath) {
      if (closed) return Promise.reject(new Error('the type checker was closed'));
      if (server.broken) {
        void server.close();
        server = new PyrightServer(version, options);
      }
      return server.check(source, modulePath);
    },
    async close() {
      closed = true;
      await server.close();
    },
  };
}
