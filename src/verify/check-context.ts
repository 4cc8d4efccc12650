import type { BacksmithConfig } from '../config/config-schema.js';
import type { PythonModule } from '../python/python-model.js';
import type { LintDiagnostic } from '../python/ruff-lint.js';
import type { SyntaxVerdict } from '../python/python-syntax.js';

/** Everything a check may read about the module under verification. */
export interface CheckContext {
  /** Path of the module as the user gave it. */
  path: string;
  /** File name alone, e.g. `library_lending_service.py`. */
  fileName: string;
  /** The file's text exactly as read. */
  source: string;
  /** Facts read by the tree-sitter parser. */
  module: PythonModule;
  syntax: SyntaxVerdict;
  /** Ruff's diagnostics; empty when the module does not parse. */
  lint: LintDiagnostic[];
  config: BacksmithConfig;
}
