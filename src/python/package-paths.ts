import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Root folder of the installed backsmith package (holds `python/`, `data/`, `agents/`). */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Path of a file shipped in the package's `python/` folder. */
export function pythonHelperPath(fileName: string): string {
  return path.join(PACKAGE_ROOT, 'python', fileName);
}
