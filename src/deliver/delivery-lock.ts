import { open, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/** How long a delivery waits for another run's delivery of the same file (they take milliseconds). */
const WAIT_MS = 30_000;
const POLL_MS = 25;
/** A lock file with no process id in it (its writer died between creating and filling it) is stale after this. */
const EMPTY_LOCK_STALE_MS = 10_000;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the lock at `file` was left by a run that is gone (killed or crashed while delivering). */
async function stale(file: string): Promise<boolean> {
  const text = await readFile(file, 'utf8').catch(() => null);
  if (text === null) return false; // released meanwhile: try again
  const pid = Number.parseInt(text, 10);
  if (Number.isInteger(pid) && pid > 0) return !alive(pid);
  const info = await stat(file).catch(() => null);
  return info !== null && Date.now() - info.mtimeMs > EMPTY_LOCK_STALE_MS;
}

/**
 * Runs `critical` (look at the file in place, back it up, replace it) while holding a lock file
 * beside `target`, `.NAME.backsmith-lock`, created exclusively: two runs delivering the same path at
 * once take turns, so the second backs up what the first wrote instead of replacing it unseen. A
 * lock left by a process that is gone is taken over; one held longer than 30 s is an error.
 */
export async function withDeliveryLock<T>(target: string, critical: () => Promise<T>): Promise<T> {
  const lock = path.join(path.dirname(target), `.${path.basename(target)}.backsmith-lock`);
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    try {
      const handle = await open(lock, 'wx', 0o644);
      try {
        await handle.writeFile(String(process.pid));
      } finally {
        await handle.close();
      }
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (await stale(lock)) {
        await rm(lock, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`another run has been delivering ${path.basename(target)} for ${WAIT_MS / 1000} s (its lock ${lock}); if no backsmith is running, remove that file`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
  try {
    return await critical();
  } finally {
    await rm(lock, { force: true });
  }
}
