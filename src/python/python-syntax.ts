import type { PythonModule } from './python-model.js';
import { compileWithPython } from './compile-server.js';

/** The verdict on whether a module is valid Python, and who gave it. */
export interface SyntaxVerdict {
  ok: boolean;
  /** `cpython` when the interpreter's own `compile()` decided; `tree-sitter` as the fallback. */
  authority: 'cpython' | 'tree-sitter';
  /** Version of the interpreter that compiled the module, when CPython decided. */
  pythonVersion: string | null;
  error: { line: number; column: number; message: string } | null;
  /** Why CPython was not used, when the fallback decided. */
  fallbackReason: string | null;
}

function treeSitterVerdict(module: PythonModule, reason: string): SyntaxVerdict {
  const first = module.parseErrors[0];
  return {
    ok: !first,
    authority: 'tree-sitter',
    pythonVersion: null,
    error: first
      ? { line: first.line, column: first.column, message: first.kind === 'missing' ? `missing ${first.text}` : `invalid syntax near ${JSON.stringify(first.text)}` }
      : null,
    fallbackReason: reason,
  };
}

/**
 * Decides whether the module is valid Python with CPython's `compile()` (the code is compiled,
 * never run), falling back to tree-sitter's error nodes when no interpreter can be started.
 */
export async function checkSyntax(
  source: string,
  module: PythonModule | Promise<PythonModule>,
  fileName: string,
  python: string | null,
): Promise<SyntaxVerdict> {
  // The module (for the fallback) may still be parsing: the compile request goes out first.
  if (!python) return treeSitterVerdict(await module, 'no Python interpreter configured');
  try {
    const output = await compileWithPython(python, source, fileName);
    return {
      ok: output.ok,
      authority: 'cpython',
      pythonVersion: output.version,
      error: output.ok ? null : { line: output.line ?? 0, column: output.column ?? 0, message: output.message ?? 'invalid syntax' },
      fallbackReason: null,
    };
  } catch (error) {
    return treeSitterVerdict(await module, `could not run ${python}: ${(error as Error).message}`);
  }
}
