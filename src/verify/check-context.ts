import type { BacksmithConfig } from '../config/config-schema.js';
import type { DesignSpec } from '../inputs/design/design-types.js';
import type { StoriesSpec } from '../inputs/stories/story-types.js';
import type { PythonModule } from '../python/python-model.js';
import type { LintDiagnostic } from '../python/ruff-lint.js';
import type { SyntaxVerdict } from '../python/python-syntax.js';
import type { RuntimeResults } from '../sandbox/runtime-types.js';
import type { TypeChecker } from '../types/type-checker.js';
import type { TestFileContext } from '../test-file/test-file-context.js';

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
  /**
   * When the file is a module wrapped in fences or prose: the facts of the code alone, with the
   * file's line numbers. Every check but format/ and syntax/ reads it instead.
   */
  codeOnly?: CheckContext;
  /** Why Ruff could not lint a module that parses (reported by `quality/too-complex`); absent when it did. */
  lintFailure?: string;
  /** Why Ruff was not run on a module that parses, by design (too large, see ruff-budget.ts; reported by `quality/lint`). */
  lintSkipped?: string;
  config: BacksmithConfig;
  /** The technical design, when `--design` was given (checks with `requires: ['design']`). */
  design?: DesignSpec;
  /** The user stories, when `--stories` was given (checks with `requires: ['stories']`). */
  stories?: StoriesSpec;
  /** What running the module in the sandbox showed; absent with --no-run or when it could not run. */
  runtime?: RuntimeResults;
  /**
   * Third-party top-level modules allowed besides `config.allowedImports` (e.g. the design's
   * declared dependencies), read by `deps/third-party-import`; absent means none.
   */
  extraAllowedImports?: string[];
  /** True for a model's draft in `generate`: its own suppression comments waive nothing. */
  draft?: boolean;
  /** pyright, warm or started for this run (checks with `requires: ['types']`); absent when types are not checked. */
  typeChecker?: Pick<TypeChecker, 'check'>;
  /** The acceptance test files given with `--tests`, read before anything runs (checks with `requires: ['test-files']`). */
  testFiles?: TestFileContext[];
}
