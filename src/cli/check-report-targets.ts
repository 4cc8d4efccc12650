import { randomBytes } from 'node:crypto';
import { access, constants, open, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { BacksmithError } from '../errors.js';
import { fileErrorReason } from '../deliver/file-error-reason.js';

/** A report file a command was asked to write, by its option. */
export interface ReportTarget {
  option: string;
  file: string;
}

/** What is at `file`, or null when nothing is (a file on the way counts as nothing: the walk up finds it). */
async function statOrNull(option: string, file: string): Promise<import('node:fs').Stats | null> {
  return stat(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return null;
    throw new BacksmithError(`${option} ${file} cannot be used: ${fileErrorReason(error)}.`);
  });
}

/** The nearest folder at or above `folder` that exists; a file on the way is a usage error. */
async function nearestFolder(option: string, file: string): Promise<string> {
  let current = path.dirname(path.resolve(file));
  // Each step goes one folder up, so this ends at the root at the latest.
  for (;;) {
    const info = await statOrNull(option, current);
    if (info?.isDirectory()) return current;
    if (info) throw new BacksmithError(`${option} ${file} cannot be written: ${current} is a file, not a folder.`);
    current = path.dirname(current);
  }
}

/**
 * Checks, before anything is verified, that each report file can be written: not a folder, not one
 * of the run's inputs (`--html module.py` would replace the module without a backup), not the
 * target of another option, and in a folder backsmith can create files in (a missing folder is
 * created when the report is written). A problem is a usage error (exit 2), found in milliseconds
 * rather than after a sandboxed run.
 */
export async function checkReportTargets(targets: readonly ReportTarget[], inputs: readonly string[]): Promise<void> {
  const inputFiles = new Set<string>();
  for (const input of inputs) {
    const info = await stat(input).catch(() => null);
    if (info?.isFile()) inputFiles.add(path.resolve(input));
  }
  const claimed = new Map<string, string>();
  for (const { option, file } of targets) {
    const resolved = path.resolve(file);
    if (inputFiles.has(resolved)) throw new BacksmithError(`${option} ${file} is one of the files being verified or read: writing the report there would replace it. Pick another file name.`);
    if (resolved.endsWith('.py')) throw new BacksmithError(`${option} ${file} names a Python file: a report there could replace a module and would be verified as one. Pick another file name.`);
    const other = claimed.get(resolved);
    if (other) throw new BacksmithError(`${option} and ${other} both name ${file}: give each report its own file.`);
    claimed.set(resolved, option);
    const existing = await statOrNull(option, resolved);
    if (existing?.isDirectory()) throw new BacksmithError(`${option} ${file} is a folder: give a file name, e.g. ${path.join(file, option === '--sarif' ? 'backsmith.sarif' : 'report.html')}.`);
    if (existing && !existing.isFile()) {
      // A device or a pipe (/dev/stdout, a FIFO) is written to, not replaced: it needs write access, not a folder to create files in.
      await access(resolved, constants.W_OK).catch((error: unknown) => {
        throw new BacksmithError(`${option} ${file} cannot be written: ${fileErrorReason(error)}.`);
      });
      continue;
    }
    const folder = await nearestFolder(option, file);
    const probe = path.join(folder, `.backsmith-write-check-${process.pid}-${randomBytes(4).toString('hex')}`);
    try {
      await (await open(probe, 'wx', 0o600)).close();
    } catch (error) {
      throw new BacksmithError(`${option} ${file} cannot be written: cannot create files in ${folder}: ${fileErrorReason(error)}.`);
    } finally {
      await rm(probe, { force: true }).catch(() => undefined);
    }
  }
}
