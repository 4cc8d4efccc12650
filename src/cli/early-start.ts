import { loadConfig } from '../config/load-config.js';
import { startCompileServer } from '../python/compile-server.js';
import { loadPythonParser } from '../python/tree-sitter-parser.js';

/** The value of option `name` (`--name X` or `--name=X`) in command-line arguments before `--`; the last one wins. */
export function optionArgument(args: readonly string[], name: string): string | undefined {
  let found: string | undefined;
  for (let index = 0; index < args.length; index++) {
    const argument = args[index]!;
    if (argument === '--') break;
    if (argument === name && index + 1 < args.length) found = args[++index];
    else if (argument.startsWith(`${name}=`)) found = argument.slice(name.length + 1);
  }
  return found || undefined;
}

/**
 * The interpreter `verify` will judge syntax with: `--python`, else the configuration's (read as
 * the command reads it: cheap without a file), else `python3`; null when the configuration cannot
 * be read, since the command then stops with that error and needs none.
 */
export async function earlyPython(args: readonly string[], directory: string = process.cwd()): Promise<string | null> {
  const given = optionArgument(args, '--python');
  if (given) return given;
  try {
    return (await loadConfig(optionArgument(args, '--config'), directory)).python ?? 'python3';
  } catch {
    return null;
  }
}

/**
 * Starts what `verify` waits on before the rest of the CLI is imported (bin/ has started Ruff's
 * thread already): the tree-sitter grammar and the interpreter that judges syntax. Each starts
 * once per process, so the command's own warm-up finds them already under way.
 */
export function startVerifierEarly(args: readonly string[]): void {
  void loadPythonParser().catch(() => undefined);
  void earlyPython(args).then((python) => python && startCompileServer(python));
}
