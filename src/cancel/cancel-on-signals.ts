/** Signals that cancel a run, and the exit code each ends backsmith with (128 + the signal's number, as shells report it). */
export const CANCEL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

/** A signal that cancels a run. */
export type CancelSignal = keyof typeof CANCEL_EXIT_CODES;

/** Time from the first signal to a forced exit, should the orderly shutdown hang (a check that cannot be interrupted). */
export const DEFAULT_CANCEL_GRACE_MS = 500;

/** The one cancellation of a command: its AbortSignal and, once cancelled, which signal did it. */
export interface Cancellation {
  /** Aborted on the first SIGINT or SIGTERM; thread it through every stage. */
  readonly signal: AbortSignal;
  /** The signal received, or null while not cancelled. */
  received(): CancelSignal | null;
  /** The exit code the command must end with (130, 143), or null while not cancelled. */
  exitCode(): number | null;
  /**
   * Removes the handlers (call when the command ends). A forced exit already pending stays: it ends
   * the process only if abandoned work (a check, a sandbox) would otherwise keep it alive.
   */
  release(): void;
  /** Once cancelled and done (the run recorded, the summary printed): ends the process now, without waiting for abandoned work. */
  exitIfCancelled(): void;
}

/** How `cancelOnSignals` behaves; tests replace the exit and the notice. */
export interface CancelOptions {
  /** Told of the first signal (a "Cancelling…" line). */
  notify?: (signal: CancelSignal) => void;
  /** Forced exit this long after the first signal (default 500 ms), so the command ends within a second. */
  graceMs?: number;
  /** Ends the process; `process.exit` by default, whose 'exit' handlers finish the run record and kill sandboxes. */
  exit?: (code: number) => void;
}

/**
 * Turns SIGINT and SIGTERM into one AbortSignal. The first signal aborts it (the model stream and
 * the sandbox stop, the run is recorded as cancelled, the command exits 130 or 143); if the orderly
 * shutdown has not ended the command within `graceMs`, or a second signal comes, it exits at once.
 */
export function cancelOnSignals(options: CancelOptions = {}): Cancellation {
  const controller = new AbortController();
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let received: CancelSignal | null = null;
  let timer: NodeJS.Timeout | null = null;
  const handlers = new Map<CancelSignal, () => void>();
  const release = () => {
    for (const [name, handler] of handlers) process.off(name, handler);
    handlers.clear();
  };
  for (const name of Object.keys(CANCEL_EXIT_CODES) as CancelSignal[]) {
    const handler = () => {
      if (received) {
        if (timer) clearTimeout(timer);
        release();
        exit(CANCEL_EXIT_CODES[received]);
        return;
      }
      received = name;
      options.notify?.(name);
      controller.abort(new Error(`cancelled by ${name}`));
      const code = CANCEL_EXIT_CODES[name];
      timer = setTimeout(() => {
        release();
        exit(code);
      }, options.graceMs ?? DEFAULT_CANCEL_GRACE_MS);
      // Never what keeps the process alive: when the orderly shutdown is done, it ends on its own.
      timer.unref();
    };
    handlers.set(name, handler);
    process.on(name, handler);
  }
  return {
    signal: controller.signal,
    received: () => received,
    exitCode: () => (received ? CANCEL_EXIT_CODES[received] : null),
    release,
    exitIfCancelled: () => {
      if (!received) return;
      if (timer) clearTimeout(timer);
      release();
      exit(CANCEL_EXIT_CODES[received]);
    },
  };
}
