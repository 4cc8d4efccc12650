import { randomBytes } from 'node:crypto';
import { open, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileErrorReason } from '../deliver/file-error-reason.js';

/** The nearest path at or above `folder` that exists, with what it is. */
async function nearestExisting(folder: string): Promise<{ path: string; isDirectory: boolean }> {
  let current = path.resolve(folder);
  // Each step goes one folder up, so this ends at the root at the latest.
  for (;;) {
    try {
      const info = await stat(current);
      return { path: current, isDirectory: info.isDirectory() };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const parent = path.dirname(current);
      if ((code !== 'ENOENT' && code !== 'ENOTDIR') || parent === current) throw error;
      current = parent;
    }
  }
}

/**
 * Why the module could not be delivered into `outDir`, or null when it could: a file where the
 * folder (or one of its parents) should be, or a folder backsmith cannot create files in (no
 * permission, read-only). Checked by creating and removing a probe file, so it holds for root,
 * ACLs and read-only mounts alike. Creates no folder.
 */
export async function outDirProblem(outDir: string): Promise<string | null> {
  let existing: { path: string; isDirectory: boolean };
  try {
    existing = await nearestExisting(outDir);
  } catch (error) {
    return `--out-dir ${outDir} cannot be used: ${fileErrorReason(error)}`;
  }
  if (!existing.isDirectory) {
    return existing.path === path.resolve(outDir)
      ? `--out-dir ${outDir} is a file, not a folder: remove it or pass another --out-dir`
      : `--out-dir ${outDir} cannot be created: ${existing.path} is a file, not a folder`;
  }
  const probe = path.join(existing.path, `.backsmith-write-check-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    const handle = await open(probe, 'wx', 0o600);
    await handle.close();
  } catch (error) {
    const where = existing.path === path.resolve(outDir) ? 'in it' : `in ${existing.path}, where it would be created`;
    return `--out-dir ${outDir} is not writable: cannot create files ${where}: ${fileErrorReason(error)}`;
  } finally {
    await rm(probe, { force: true }).catch(() => undefined);
  }
  return null;
}
