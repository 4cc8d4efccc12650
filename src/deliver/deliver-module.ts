import { constants } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { BacksmithError } from '../errors.js';
import { withDeliveryLock } from './delivery-lock.js';
import { fileErrorReason } from './file-error-reason.js';
import { writeFileAtomic } from './write-atomic.js';

/** Where a module was delivered and where the file it replaced was kept. */
export interface Delivery {
  path: string;
  /** The previous file's backup, or null when there was none (or nothing changed). */
  backupPath: string | null;
  /** The file already held exactly this module: nothing was written and no backup made. */
  unchanged?: boolean;
}

/** Backups tried with one timestamp before giving up (a runaway loop of deliveries in one second). */
const MAX_BACKUPS_PER_SECOND = 1000;

/** A file-name-safe UTC timestamp, e.g. `20240301T101502Z`. */
export function compactTimestamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

async function existing(file: string): Promise<{ mode: number; content: Buffer } | null> {
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new Error(info.isDirectory() ? 'a folder of that name is in the way' : 'something other than a regular file (a device, a pipe, a socket) is in the way');
    return { mode: info.mode & 0o7777, content: await readFile(file) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Copies `file` to `<file>.<timestamp>[-n].bak`, creating the backup exclusively (COPYFILE_EXCL,
 * i.e. O_EXCL): two runs delivering at once each get their own backup and never overwrite one.
 */
async function backUp(file: string, now: Date): Promise<string> {
  const base = `${file}.${compactTimestamp(now)}`;
  for (let counter = 1; counter <= MAX_BACKUPS_PER_SECOND; counter++) {
    const candidate = counter === 1 ? `${base}.bak` : `${base}-${counter}.bak`;
    try {
      await copyFile(file, candidate, constants.COPYFILE_EXCL);
      return candidate;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  throw new Error(`${MAX_BACKUPS_PER_SECOND} backups of ${path.basename(file)} already exist for ${compactTimestamp(now)}`);
}

/**
 * Removes temporary files an earlier delivery of `fileName` left when its process was killed between
 * writing and renaming (`.NAME.<pid>.<hex>.tmp`, see write-atomic.ts), when that process is gone.
 */
async function removeStaleTemporaries(directory: string, fileName: string): Promise<void> {
  const prefix = `.${fileName}.`;
  for (const name of await readdir(directory)) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const pid = Number(name.slice(prefix.length).split('.')[0]);
    if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) continue;
    let gone = false;
    try {
      process.kill(pid, 0);
    } catch (error) {
      gone = (error as NodeJS.ErrnoException).code === 'ESRCH';
    }
    if (gone) await rm(path.join(directory, name), { force: true });
  }
}

/**
 * Saves a module that passed verification at `directory/fileName`: creates the directory, keeps an
 * existing file as `<name>.<timestamp>.bak` (unless it already holds exactly this module: then
 * nothing is written), then writes atomically with the replaced file's permission bits. Throws
 * BacksmithError when the file system refuses.
 */
export async function deliverModule(directory: string, fileName: string, code: string, now: Date = new Date()): Promise<Delivery> {
  const target = path.join(directory, fileName);
  try {
    await mkdir(directory, { recursive: true });
    // Two runs delivering the same path at once take turns: neither replaces the other's module unseen.
    return await withDeliveryLock(target, async () => {
      await removeStaleTemporaries(directory, fileName);
      const previous = await existing(target);
      if (previous?.content.equals(Buffer.from(code, 'utf8'))) return { path: target, backupPath: null, unchanged: true };
      const backupPath = previous ? await backUp(target, now) : null;
      await writeFileAtomic(target, code, previous ? { mode: previous.mode } : {});
      return { path: target, backupPath };
    });
  } catch (error) {
    throw new BacksmithError(`Cannot save ${target}: ${fileErrorReason(error)}.`);
  }
}
