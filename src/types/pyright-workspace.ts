import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cleanUpOnExit } from '../cancel/clean-up-on-exit.js';
import { compileWithPython } from '../python/compile-server.js';

/** Python version assumed when no interpreter answers. */
export const FALLBACK_PYTHON_VERSION = '3.11';

/** How pyright is set up for one generated module. */
export interface PyrightSettings {
  /** `major.minor` of the Python the module targets. */
  pythonVersion: string;
  /** Honour `# type: ignore` comments (false for a model's drafts: their own comments waive nothing). */
  honorTypeIgnore: boolean;
}

/** Path of pyright's language server entry point (`pyright-langserver`). */
export function pyrightLangserverPath(): string {
  return createRequire(import.meta.url).resolve('pyright/langserver.index.js');
}

/**
 * The `major.minor` version of `python` (asked of the compile server the syntax check already
 * starts, so no extra process), or the fallback when there is no interpreter or it does not answer.
 */
export async function interpreterVersion(python: string | null): Promise<string> {
  if (!python) return FALLBACK_PYTHON_VERSION;
  try {
    const answer = await compileWithPython(python, '', 'version.py');
    const match = /^(\d+)\.(\d+)/.exec(answer.version);
    return match ? `${match[1]}.${match[2]}` : FALLBACK_PYTHON_VERSION;
  } catch {
    return FALLBACK_PYTHON_VERSION;
  }
}

/**
 * pyright's configuration for one module: basic mode; the standard library from pyright's bundled
 * typeshed (an empty virtual environment, so nothing installed on the host is read and no
 * interpreter is run); missing third-party imports not reported, since `deps/` reports them.
 */
export function pyrightConfig(settings: PyrightSettings): Record<string, unknown> {
  return {
    typeCheckingMode: 'basic',
    pythonVersion: settings.pythonVersion,
    pythonPlatform: 'Linux',
    venvPath: '.',
    venv: 'empty-venv',
    reportMissingImports: 'none',
    reportMissingModuleSource: 'none',
    enableTypeIgnoreComments: settings.honorTypeIgnore,
    include: ['modules'],
  };
}

/** A private temporary folder holding pyright's configuration; modules are checked as copies in it. */
export interface PyrightWorkspace {
  root: string;
  /** Folder the module copies (or in-memory documents) live in. */
  modules: string;
  /** pyright's own temporary folder (its TMPDIR), inside the workspace so that it goes with it. */
  scratch: string;
  /** Writes the configuration and the empty virtual environment for `settings`. */
  configure(settings: PyrightSettings): void;
  /** Removes the folder (repeatable). */
  remove(): void;
}

/**
 * Creates the workspace folder; `configure` fills it once the Python version is known. It is removed
 * by `remove()`, or at the latest when backsmith exits or is interrupted (synchronously, best effort),
 * so neither a library caller that never closes its checker nor Ctrl-C leaves a folder behind.
 */
export function createPyrightWorkspace(): PyrightWorkspace {
  const root = mkdtempSync(path.join(tmpdir(), 'backsmith-types-'));
  const modules = path.join(root, 'modules');
  const scratch = path.join(root, 'tmp');
  mkdirSync(modules);
  mkdirSync(scratch);
  const removeRoot = () => rmSync(root, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 });
  const forget = cleanUpOnExit(removeRoot);
  return {
    root,
    modules,
    scratch,
    configure: (settings) => {
      mkdirSync(path.join(root, 'empty-venv', 'lib', `python${settings.pythonVersion}`, 'site-packages'), { recursive: true });
      writeFileSync(path.join(root, 'pyrightconfig.json'), JSON.stringify(pyrightConfig(settings), null, 2));
    },
    remove: () => {
      removeRoot();
      forget();
    },
  };
}
