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
  const lintPromise = lintPython(options.source, config.lineLength);
  const modulePromise = readPythonModule(options.source);
  const syntaxPromise = checkSyntax(options.source, modulePromise, fileName, python);
  const [module, syntax, lintDiagnostics] = await Promise.all([modulePromise, syntaxPromise, lintPromise]);
  const lint = syntax.ok ? lintDiagnostics : [];
  return { path: modulePath, fileName, source: options.source, module, syntax, lint, config };
}
