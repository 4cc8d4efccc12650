import type { RunRecorder } from './run-recorder.js';

/**
 * Keeps a run from staying "running" when the process ends first (a forced exit after Ctrl-C, a
 * second Ctrl-C, process.exit anywhere): an 'exit' handler then records it as cancelled (the signal
 * had fired) or as an error. Returns the function that removes the handler once the run finished.
 */
export function finishOnExit(recorder: RunRecorder, signal?: AbortSignal): () => void {
  const onExit = () => {
    if (recorder.record.finishedAt !== null) return;
    try {
      recorder.finishNow(
        signal?.aborted
          ? { outcome: 'cancelled', reason: 'cancelled; backsmith ended before the current step could finish', stopReason: 'cancelled' }
          : { outcome: 'error', reason: 'backsmith exited before the run finished' },
      );
    } catch {
      // Nothing more can be done on the way out; `runs` shows the run as interrupted.
    }
  };
  process.on('exit', onExit);
  return () => process.off('exit', onExit);
}
