import { constants } from 'node:fs';
import { copyFile, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { compactTimestamp } from '../deliver/deliver-module.js';
import { fileErrorReason } from '../deliver/file-error-reason.js';
import { writeFileAtomic } from '../deliver/write-atomic.js';
import { BacksmithError } from '../errors.js';
import type { InitHost } from './init-host.js';
import { planInitFiles } from './plan-init-files.js';

/** What `initProject` did to one file. */
export interface InitFileResult {
  /** Relative to the project root; `.` for the project folder itself, when init created it. */
  path: string;
  action: 'created' | 'unchanged' | 'updated' | 'replaced';
  /** The previous file, kept when `--force` replaced it or its server was added to it. */
  backupPath?: string;
}

/** Options of `backsmith init`. */
export interface InitProjectOptions {
  host: InitHost;
  /** Project root (default: the working directory). */
  directory?: string;
  /** Replace files whose content differs, keeping each as `<file>.<timestamp>.bak`. */
  force?: boolean;
  now?: Date;
}

/** Copies `file` to `<file>.<timestamp>[-n].bak`, created exclusively: two runs at once never share or overwrite one. */
async function keepBackup(file: string, now: Date): Promise<string> {
  const base = `${file}.${compactTimestamp(now)}`;
  for (let counter = 1; ; counter++) {
    const candidate = counter === 1 ? `${base}.bak` : `${base}-${counter}.bak`;
    try {
      await copyFile(file, candidate, constants.COPYFILE_EXCL);
      return candidate;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || counter >= 1000) throw error;
    }
  }
}

/**
 * True when the project folder is missing but its parent exists (init creates it, and says so);
 * a missing parent is a usage error, since a mistyped --dir would otherwise grow a whole tree.
 */
async function checkRoot(root: string): Promise<boolean> {
  const found = await stat(root).catch(() => null);
  if (found) {
    if (!found.isDirectory()) throw new BacksmithError(`The project folder ${root} is a file, not a folder: pass a folder with --dir.`);
    return false;
  }
  const parent = path.dirname(root);
  if (!(await stat(parent).catch(() => null))?.isDirectory()) {
    throw new BacksmithError(`The project folder ${root} does not exist, nor does ${parent}: create it first, or fix --dir.`);
  }
  return true;
}

/**
 * Sets a project up for an agent host: the Copilot custom agent, the host's MCP registration of
 * `npx backsmith mcp` and `.backsmith/` in `.gitignore`. Never overwrites silently: a file with
 * other content stops the run (BacksmithError, nothing written) unless `force`, which keeps a backup.
 */
export async function initProject(options: InitProjectOptions): Promise<InitFileResult[]> {
  const root = path.resolve(options.directory ?? process.cwd());
  const rootMissing = await checkRoot(root);
  const plans = await planInitFiles(root, options.host);
  const conflicts = plans.filter((plan) => plan.action === 'conflict');
  if (conflicts.length > 0 && !options.force) {
    const list = conflicts.map((plan) => `${plan.path} (${plan.reason})`).join(', ');
    throw new BacksmithError(`Not overwriting ${list}; compare it with what backsmith would write, or pass --force to replace it (the old file is kept as a .bak).`);
  }
  const now = options.now ?? new Date();
  const results: InitFileResult[] = [];
  if (rootMissing) {
    try {
      await mkdir(root);
    } catch (error) {
      throw new BacksmithError(`Cannot create the project folder ${root}: ${(error as Error).message}`);
    }
    results.push({ path: '.', action: 'created' });
  }
  for (const plan of plans) {
    const target = path.join(root, plan.path);
    if (plan.action === 'unchanged') {
      results.push({ path: plan.path, action: 'unchanged' });
      continue;
    }
    try {
      await mkdir(path.dirname(target), { recursive: true });
      // The host's registration is the user's file even when only backsmith's server is added to it: it is kept too.
      const backupPath = plan.action === 'conflict' || (plan.action === 'update' && plan.path !== '.gitignore') ? await keepBackup(target, now) : undefined;
      await writeFileAtomic(target, plan.next);
      const action = plan.action === 'create' ? 'created' : plan.action === 'update' ? 'updated' : 'replaced';
      results.push({ path: plan.path, action, ...(backupPath ? { backupPath: path.relative(root, backupPath) } : {}) });
    } catch (error) {
      const written = results.filter((result) => result.action !== 'unchanged').map((result) => result.path);
      throw new BacksmithError(`Cannot write ${target}: ${fileErrorReason(error)}${written.length > 0 ? ` (already written: ${written.join(', ')})` : ''}.`);
    }
  }
  return results;
}
