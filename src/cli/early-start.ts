import { startCompileServer } from '../python/compile-server.js';
import { loadPythonParser } from '../python/tree-sitter-parser.js';

/** The value of `--python` in command-line arguments (`--python X` or `--python=X`), if given before `--`. */
export function pythonArgument(args: readonly string[]): string | undefined {
  let found: string | undefined;
  for (let index = 0; index < args.length; index++) {
    const argument = args[index]!;
    if (argument === '--') break;
    if (argument === '--python' && index + 1 < args.length) found = args[++index];
    else if (argument.startsWith('--python=')) found = argument.slice('--python='.length);
  }
  return found || undefined;
}

/**
 * Starts what `verify` waits on before the rest of the CLI is imported (bin/ has started Ruff's
 * thread already): the interpreter that judges syntax (the `--python` one, else `python3`: a
 * configuration naming another one starts that one later, and the idle `python3` ends with the
 * process) and the tree-sitter grammar. Each starts once per process: the command's own warm-up
 * reuses them.
 */
export function startVerifierEarly(args: readonly string[]): void {
  startCompileServer(pythonArgument(args) ?? 'python3');
  void loadPythonParser().catch(() => undefined);
}
