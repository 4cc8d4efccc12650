import path from 'node:path';
import { defaultConfig, type BacksmithConfig } from '../config/config-schema.js';
import { checkSyntax } from '../python/python-syntax.js';
import { lintPython } from '../python/ruff-lint.js';
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

/** Parses, compiles and lints a module: the static facts every check reads. */
export async function buildCheckContext(options: BuildContextOptions): Promise<CheckContext> {
  const config = options.config ?? defaultConfig();
  const modulePath = options.path ?? 'module.py';
  const fileName = path.basename(modulePath);
  const module = await readPythonModule(options.source);
  const python = options.python === undefined ? config.python ?? 'python3' : options.python;
  const syntax = await checkSyntax(options.source, module, fileName, python);
  const lint = syntax.ok ? await lintPython(options.source, config.lineLength) : [];
  return { path: modulePath, fileName, source: options.source, module, syntax, lint, config };
}
