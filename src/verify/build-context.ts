import path from 'node:path';
import { defaultConfig, type BacksmithConfig } from '../config/config-schema.js';
import { checkSyntax } from '../python/python-syntax.js';
import { startCompileServer } from '../python/compile-server.js';
import { lintPython, warmUpRuff } from '../python/ruff-lint.js';
import { loadPythonParser } from '../python/tree-sitter-parser.js';
import { readPythonModule } from '../python/read-module.js';
import type { CheckContext } from './check-context.js';

/** Options for building a check context from source text. */
export interface BuildContextOptions {
  source: string;
  path?: string;
  config?: BacksmithConfig;
  /** Interpreter for the syntax authority; null forces the tree-sitter fallback. */
  python?: string | null;
}

/**
 * Starts the slow parts of verification (Ruff's wasm, the interpreter, the grammar) at once,
 * so that they load side by side instead of one after another.
 */
export function warmUpVerifier(config: BacksmithConfig, python: string | null = config.python ?? 'python3'): void {
  if (python) startCompileServer(python);
  warmUpRuff(config.lineLength);
  void loadPythonParser().catch(() => undefined);
}

/** Parses, compiles and lints a module: the static facts every check reads. */
export async function buildCheckContext(options: BuildContextOptions): Promise<CheckContext> {
  const config = options.config ?? defaultConfig();
  const modulePath = options.path ?? 'module.py';
  const fileName = path.basename(modulePath);
  const python = options.python === undefined ? config.python ?? 'python3' : options.python;
  // Ruff (its own thread) and the interpreter (its own process) get their requests before the
  // parse starts on this thread, so the three run side by side.
  let resolveShallow: (shallow: boolean) => void = () => undefined;
  const shallow = new Promise<boolean>((resolve) => (resolveShallow = resolve));
  const lintPromise = lintPython(options.source, config.lineLength, undefined, shallow).then(
    (diagnostics) => ({ diagnostics, failure: undefined }),
    (error: Error) => ({ diagnostics: [], failure: error.message }),
  );
  const modulePromise = readPythonModule(options.source);
  modulePromise.then((module) => resolveShallow(!module.tooDeep), () => resolveShallow(false));
  const syntaxPromise = checkSyntax(options.source, modulePromise, fileName, python);
  const [module, syntax, linted] = await Promise.all([modulePromise, syntaxPromise, lintPromise]);
  const lint = syntax.ok ? linted.diagnostics : [];
  return {
    path: modulePath, fileName, source: options.source, module, syntax, lint, config,
    ...(syntax.ok && linted.failure !== undefined ? { lintFailure: linted.failure } : {}),
  };
}
