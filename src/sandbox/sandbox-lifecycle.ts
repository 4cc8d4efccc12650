import { rmSync } from 'node:fs';
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

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const active = new Set<ActiveRun>();

/** Synchronous on purpose: it runs from 'exit' and signal handlers, when nothing else will. */
function takeDown(run: ActiveRun): void {
  if (run.pid !== null) {
    try {
      process.kill(-run.pid, 'SIGKILL');
    } catch {
      // already gone
    }
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
  try {
    rmSync(run.hostRoot, { recursive: true, force: true });
  } catch {
    // nothing more can be done on the way out
  }
}

function takeDownAll(): void {
  for (const run of active) takeDown(run);
  active.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  // File operations already under way (preparing the view) may recreate part of a folder removed here:
  // remove the same folders once more when the process exits.
  const roots = [...active].map((run) => run.hostRoot);
  takeDownAll();
  uninstall();
  process.once('exit', () => {
    for (const hostRoot of roots) takeDown({ hostRoot, pid: null, uid: null });
  });
  // Another handler owns this signal (generate's cancellation): it records the run and exits itself.
  if (process.listenerCount(signal) > 0) return;
  // With our handlers gone, the same signal ends backsmith as it would have without them.
  process.kill(process.pid, signal);
}

function install(): void {
  process.on('exit', takeDownAll);
  for (const signal of SIGNALS) process.on(signal, onSignal);
}

function uninstall(): void {
  process.off('exit', takeDownAll);
  for (const signal of SIGNALS) process.off(signal, onSignal);
}

/**
 * Registers a run so that an exit, SIGINT, SIGTERM or SIGHUP of backsmith kills its processes
 * and removes its host folder; returns the function that unregisters it. Handlers are
 * installed only while runs are active.
 */
export function trackRun(run: ActiveRun): () => void {
  if (active.size === 0) install();
  active.add(run);
  return () => {
    if (active.delete(run) && active.size === 0) uninstall();
  };
}
