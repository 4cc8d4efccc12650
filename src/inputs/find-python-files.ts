import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { BacksmithError } from '../errors.js';

const SKIPPED_DIRECTORIES = new Set(['node_modules', '__pycache__', '.git', '.venv', 'venv', '.tox', '.mypy_cache', '.backsmith']);

/** Test files and pytest configuration are not backend modules: a directory walk leaves them out. */
function isModuleFileName(name: string): boolean {
  return name.endsWith('.py') && !/^test_.*\.py$|_test\.py$|^conftest\.py$/.test(name);
}

async function walk(directory: string, into: string[]): Promise<void> {
  const entries = await readdir(directory, { withFileTypes: true });
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name) && !entry.name.startsWith('.')) await walk(full, into);
    } else if (entry.isFile() && isModuleFileName(entry.name)) into.push(full);
  }
}

/**
 * Expands the paths given on the command line: files are kept as they are, directories are
 * searched for `.py` files (skipping test files, virtual environments, caches and hidden folders).
 */
export async function findPythonFiles(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const given of paths) {
    let isDirectory = false;
    try {
      isDirectory = (await stat(given)).isDirectory();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new BacksmithError(`Path not found: ${given}. Check the path.`);
      throw new BacksmithError(`Cannot read ${given}: ${(error as Error).message}`);
    }
    if (!isDirectory) {
      files.push(given);
      continue;
    }
    const found: string[] = [];
    try {
      await walk(given, found);
    } catch (error) {
      throw new BacksmithError(`Cannot read directory ${given}: ${(error as Error).message}`);
    }
    if (found.length === 0) throw new BacksmithError(`No Python modules (.py files other than tests) found in directory ${given}.`);
    files.push(...found);
  }
  return files;
}
