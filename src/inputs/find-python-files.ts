import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { BacksmithError } from '../errors.js';

const SKIPPED_DIRECTORIES = new Set(['node_modules', '__pycache__', '.git', '.venv', 'venv', '.tox', '.mypy_cache', '.backsmith']);

/** Test files and pytest configuration are not backend modules: a directory walk leaves them out. */
function isModuleFileName(name: string): boolean {
  return name.endsWith('.py') && !/^test_.*\.py$|_test\.py$|^conftest\.py$/.test(name);
}

/** A `.py` entry a directory walk did not verify, and why. */
export interface SkippedEntry {
  path: string;
  reason: 'broken link' | 'link cycle' | 'link to a directory' | 'not a file' | 'same file as another entry' | 'unreadable' | 'outside the workspace';
}

/** Files found, and `.py` entries passed over. */
export interface PythonFileSearch {
  files: string[];
  skipped: SkippedEntry[];
}

/** Files reached so far, by their real path: a link and its target are verified once. */
type Seen = Set<string>;

async function addFile(full: string, seen: Seen, found: PythonFileSearch): Promise<void> {
  let real: string;
  try {
    real = await realpath(full);
  } catch {
    found.skipped.push({ path: full, reason: 'unreadable' });
    return;
  }
  if (seen.has(real)) found.skipped.push({ path: full, reason: 'same file as another entry' });
  else {
    seen.add(real);
    found.files.push(full);
  }
}

async function walk(directory: string, seen: Seen, found: PythonFileSearch): Promise<void> {
  const entries = await readdir(directory, { withFileTypes: true });
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name) && !entry.name.startsWith('.')) await walk(full, seen, found);
    } else if (!isModuleFileName(entry.name)) continue;
    else if (entry.isFile()) await addFile(full, seen, found);
    else if (entry.isSymbolicLink()) {
      // Links to files are followed (each real file once); links to directories are not, so no walk can loop.
      const target = await stat(full).catch((error: NodeJS.ErrnoException) => (error.code === 'ELOOP' ? 'link cycle' as const : null));
      if (target === 'link cycle' || target === null) found.skipped.push({ path: full, reason: target ?? 'broken link' });
      else if (target.isFile()) await addFile(full, seen, found);
      else found.skipped.push({ path: full, reason: target.isDirectory() ? 'link to a directory' : 'not a file' });
    } else found.skipped.push({ path: full, reason: 'not a file' });
  }
}

/**
 * Expands the paths given on the command line: files are kept as they are, directories are
 * searched for `.py` files (skipping test files, virtual environments, caches and hidden folders).
 */
export async function findPythonFiles(paths: string[]): Promise<string[]> {
  return (await searchPythonFiles(paths)).files;
}

/**
 * Like `findPythonFiles`, also telling which `.py` entries of the directories were passed over and
 * why (broken links, links to directories, sockets and the like, a second link to the same file).
 */
export async function searchPythonFiles(paths: string[]): Promise<PythonFileSearch> {
  const files: string[] = [];
  const skipped: SkippedEntry[] = [];
  const seen: Seen = new Set();
  for (const given of paths) {
    let isDirectory = false;
    try {
      isDirectory = (await stat(given)).isDirectory();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new BacksmithError(`Path not found: ${given}. Check the path.`);
      if (code === 'ELOOP') throw new BacksmithError(`Cannot read ${given}: it is a loop of symbolic links.`);
      throw new BacksmithError(`Cannot read ${given}: ${(error as Error).message}`);
    }
    if (!isDirectory) {
      // The same file named twice (a.py ./a.py, or a link to it) is verified once, as in a walk.
      const real = await realpath(given).catch(() => null);
      if (real !== null && seen.has(real)) skipped.push({ path: given, reason: 'same file as another entry' });
      else {
        if (real !== null) seen.add(real);
        files.push(given);
      }
      continue;
    }
    const found: PythonFileSearch = { files: [], skipped: [] };
    try {
      await walk(given, seen, found);
    } catch (error) {
      throw new BacksmithError(`Cannot read directory ${given}: ${(error as Error).message}`);
    }
    const why = found.skipped.length > 0 ? ` (skipped ${found.skipped.map((entry) => `${entry.reason} ${path.basename(entry.path)}`).join(', ')})` : '';
    if (found.files.length === 0) throw new BacksmithError(`No Python modules (.py files other than tests) found in directory ${given}${why}.`);
    files.push(...found.files);
    skipped.push(...found.skipped);
  }
  return { files, skipped };
}
