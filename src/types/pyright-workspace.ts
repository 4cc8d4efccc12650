import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
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
  remove(): void;
}

/** Workspaces not removed yet: a checker its caller never closed still leaves nothing behind at exit. */
const liveRoots = new Set<string>();

function removeLiveRootsAtExit(): void {
  for (const root of liveRoots) {
    try {
      rmSync(root, { recursive: true, force: true });
    } catch {
      // Best effort on the way out: nothing more can be done.
    }
  }
  liveRoots.clear();
}

function removeRoot(root: string): void {
  rmSync(root, { recursive: true, force: true });
  liveRoots.delete(root);
  if (liveRoots.size === 0) process.off('exit', removeLiveRootsAtExit);
}

/**
 * Creates the workspace folder with its configuration and empty virtual environment. It is removed
 * by `remove()`, or at the latest when the process exits (synchronously, best effort), so a
 * library caller that never closes its checker leaves no folder behind.
 */
export function createPyrightWorkspace(settings: PyrightSettings): PyrightWorkspace {
  const root = mkdtempSync(path.join(tmpdir(), 'backsmith-types-'));
  if (liveRoots.size === 0) process.on('exit', removeLiveRootsAtExit);
  liveRoots.add(root);
  const modules = path.join(root, 'modules');
  mkdirSync(modules);
  mkdirSync(path.join(root, 'empty-venv', 'lib', `python${settings.pythonVersion}`, 'site-packages'), { recursive: true });
  writeFileSync(path.join(root, 'pyrightconfig.json'), JSON.stringify(pyrightConfig(settings), null, 2));
  return { root, modules, remove: () => removeRoot(root) };
}
