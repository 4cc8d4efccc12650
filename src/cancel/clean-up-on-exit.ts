/** Signals after which backsmith cleans up before it ends. */
const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

const cleanUps = new Set<() => void>();
let signalsHandled = false;
let exitHandled = false;

function runAll(): void {
  for (const cleanUp of [...cleanUps]) {
    try {
      cleanUp();
    } catch {
      // Nothing more can be done on the way out; the other clean-ups still run.
    }
  }
}

function onExit(): void {
  runAll();
  cleanUps.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  runAll();
  stopHandlingSignals();
  // Another handler owns this signal (generate's cancellation): it records the run and exits itself;
  // the clean-ups stay registered and run once more at exit, since file operations already under way
  // may recreate part of a folder removed here.
  if (process.listenerCount(signal) > 0) return;
  // With our handlers gone, the same signal ends backsmith as it would have without them.
  process.kill(process.pid, signal);
}

function stopHandlingSignals(): void {
  for (const signal of SIGNALS) process.off(signal, onSignal);
  signalsHandled = false;
}

function handle(): void {
  if (!exitHandled) process.on('exit', onExit);
  exitHandled = true;
  if (!signalsHandled) for (const signal of SIGNALS) process.on(signal, onSignal);
  signalsHandled = true;
}

function stopHandling(): void {
  stopHandlingSignals();
  process.off('exit', onExit);
  exitHandled = false;
}

/**
 * Registers a synchronous, repeatable clean-up (kill a child, remove a temporary folder) that runs
 * when backsmith exits or gets SIGINT, SIGTERM or SIGHUP, whichever comes first, and again at exit
 * after a signal. Returns the function that unregisters it once its owner has cleaned up itself.
 * Handlers are installed only while clean-ups are registered, so an idle library adds none.
 */
export function cleanUpOnExit(cleanUp: () => void): () => void {
  cleanUps.add(cleanUp);
  handle();
  return () => {
    if (cleanUps.delete(cleanUp) && cleanUps.size === 0) stopHandling();
  };
}

/** How many clean-ups are registered (tests). */
export function pendingCleanUps(): number {
  return cleanUps.size;
}
