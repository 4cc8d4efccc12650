import { copyFile, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { BacksmithError } from '../errors.js';
import { writeFileAtomic } from './write-atomic.js';

/** Where a module was delivered and where the file it replaced was kept. */
export interface Delivery {
  path: string;
  /** The previous file's backup, or null when there was none. */
  backupPath: string | null;
}

/** A file-name-safe UTC timestamp, e.g. `20240301T101502Z`. */
export function compactTimestamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

async function backupPathFor(file: string, now: Date): Promise<string> {
  const base = `${file}.${compactTimestamp(now)}`;
  let candidate = `${base}.bak`;
  for (let counter = 2; await exists(candidate); counter++) candidate = `${base}-${counter}.bak`;
  return candidate;
}

/**
 * Saves a module that passed verification at `directory/fileName`: creates the directory, keeps an
 * existing file as `<name>.<timestamp>.bak`, then writes atomically. Throws BacksmithError when the
 * file system refuses.
 */
export async function deliverModule(directory: string, fileName: string, code: string, now: Date = new Date()): Promise<Delivery> {
  const target = path.join(directory, fileName);
  try {
    await mkdir(directory, { recursive: true });
    let backupPath: string | null = null;
    if (await exists(target)) {
      backupPath = await backupPathFor(target, now);
      await copyFile(target, backupPath);
    }
    await writeFileAtomic(target, code);
    return { path: target, backupPath };
  } catch (error) {
    throw new BacksmithError(`Cannot save the module to ${target}: ${(error as Error).message}`);
  }
}
