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
  const module = await readPythonModule(options.source);
  const python = options.python === undefined ? config.python ?? 'python3' : options.python;
  // The interpreter's verdict and Ruff's lint are independent: run them side by side.
  const [syntax, lintDiagnostics] = await Promise.all([
    checkSyntax(options.source, module, fileName, python),
    lintPython(options.source, config.lineLength),
  ]);
  const lint = syntax.ok ? lintDiagnostics : [];
  return { path: modulePath, fileName, source: options.source, module, syntax, lint, config };
}
