import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Where a command is looked up: the environment (PATH, PYENV_VERSION) and the working folder. */
export interface CommandContext {
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** A version file or variable naming more than this is not one version (and not read further). */
const VERSION_FILE_LIMIT = 4096;

function isExecutableFile(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The file `command` runs: itself when it holds a slash, else the first executable of that name on PATH. */
export function findCommand(command: string, context: CommandContext = { env: process.env, cwd: process.cwd() }): string | null {
  if (command.includes('/')) return path.resolve(context.cwd, command);
  for (const folder of (context.env.PATH ?? '').split(path.delimiter)) {
    if (!folder) continue;
    const candidate = path.join(path.resolve(context.cwd, folder), command);
    if (isExecutableFile(candidate)) return candidate;
  }
  return null;
}

/** The pyenv root a file is a shim of (`<root>/shims/<name>`, a script that runs `<root>/libexec/pyenv exec`), or null. */
function pyenvRootOfShim(file: string): string | null {
  const shims = path.dirname(file);
  if (path.basename(shims) !== 'shims') return null;
  const root = path.dirname(shims);
  try {
    if (statSync(file).size > VERSION_FILE_LIMIT) return null;
    const text = readFileSync(file, 'utf8');
    // The shim exports its own root, whatever PYENV_ROOT says, and hands the command to pyenv.
    return text.includes(`export PYENV_ROOT="${root}"`) && text.includes(`"${root}/libexec/pyenv" exec`) ? root : null;
  } catch {
    return null;
  }
}

/** The version names a version file lists (words; `#` lines are comments), or null when it cannot be read. */
function readVersionFile(file: string): string[] | null {
  try {
    if (statSync(file).size > VERSION_FILE_LIMIT) return null;
    return readFileSync(file, 'utf8').split('\n').filter((line) => !line.trimStart().startsWith('#')).join(' ').split(/\s+/).filter(Boolean);
  } catch {
    return null;
  }
}

/**
 * The version names pyenv would choose, by its documented order: PYENV_VERSION, else the nearest
 * `.python-version` in the working folder or its parents, else `<root>/version`; null for none
 * (pyenv then uses the system's Python).
 */
export function pyenvVersionNames(root: string, context: CommandContext): string[] | null {
  const variable = context.env.PYENV_VERSION;
  if (variable) return variable.split(/[:\s]+/).filter(Boolean);
  for (let folder = path.resolve(context.cwd); ; folder = path.dirname(folder)) {
    const file = path.join(folder, '.python-version');
    if (statSync(file, { throwIfNoEntry: false })?.isFile()) return readVersionFile(file);
    if (path.dirname(folder) === folder) break;
  }
  return readVersionFile(path.join(root, 'version'));
}

/**
 * The interpreter a Python command stands for, without running it. A pyenv shim (a chain of bash
 * scripts, ~0.2 s of CPU per start) is resolved the way pyenv resolves it when that names exactly
 * one installed version with this command: `<root>/versions/<version>/bin/<command>`. Anything
 * else (no shim, `system`, several versions, a version not installed, PYENV_DIR set) is the
 * command as given, for the shim to decide.
 */
export function resolvePythonCommand(command: string, context: CommandContext = { env: process.env, cwd: process.cwd() }): string {
  const file = findCommand(command, context);
  const root = file ? pyenvRootOfShim(file) : null;
  if (!file || !root || context.env.PYENV_DIR) return command;
  const names = pyenvVersionNames(root, context);
  if (!names || names.length !== 1) return command;
  const [name] = names as [string];
  if (name === 'system' || name === '.' || name === '..' || name.includes('/')) return command;
  const interpreter = path.join(root, 'versions', name, 'bin', path.basename(file));
  return isExecutableFile(interpreter) ? interpreter : command;
}
