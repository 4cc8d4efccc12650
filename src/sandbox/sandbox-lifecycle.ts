import { rmSync } from 'node:fs';
import { cleanUpOnExit } from '../cancel/clean-up-on-exit.js';
import { processesOfUid } from './sandbox-user.js';

/** A sandbox run backsmith must take down, with its host folder, if backsmith goes away. */
export interface ActiveRun {
  /** Host folder of the run (`/tmp/backsmith-sandbox-*`). */
  hostRoot: string;
  /** Process group of the launcher, once started. */
  pid: number | null;
  /** Dedicated uid (root only), swept too. */
  uid: number | null;
}

/**
 * Synchronous on purpose: it runs from 'exit' and signal handlers, when nothing else will. It may run
 * twice (at a signal, then at exit): the process group is killed only the first time, since its id
 * may belong to someone else once the group is gone.
 */
function takeDown(run: ActiveRun): void {
  if (run.pid !== null) {
    try {
      process.kill(-run.pid, 'SIGKILL');
    } catch {
      // already gone
    }
    run.pid = null;
  }
  if (run.uid !== null) {
    for (const pid of processesOfUid(run.uid)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  // Retried: a file operation of the run's preparation may still be adding to the folder.
  rmSync(run.hostRoot, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 });
}

/**
 * Registers a run so that an exit, SIGINT, SIGTERM or SIGHUP of backsmith kills its processes
 * and removes its host folder; returns the function that unregisters it (once the run has
 * cleaned up after itself).
 */
export function trackRun(run: ActiveRun): () => void {
  return cleanUpOnExit(() => takeDown(run));
}
