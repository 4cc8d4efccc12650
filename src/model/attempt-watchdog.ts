/** Which limit ended an attempt. */
export type TimeoutKind = 'request' | 'idle';

/** Timers guarding one HTTP attempt; `signal` aborts when the caller cancels or a limit passes. */
export interface AttemptWatchdog {
  signal: AbortSignal;
  /** Bytes arrived: restart the idle timer. */
  touch(): void;
  /** The limit that fired, or null (none fired, or the caller cancelled). */
  timedOut(): TimeoutKind | null;
  dispose(): void;
}

/**
 * Starts the request and idle timers of one attempt (0 disables a timer). The caller's signal is
 * forwarded, so one abort reaches fetch and the SDK's stream alike.
 */
export function startAttemptWatchdog(limits: { requestTimeoutMs: number; idleTimeoutMs: number }, callerSignal?: AbortSignal): AttemptWatchdog {
  const controller = new AbortController();
  let fired: TimeoutKind | null = null;
  const fire = (kind: TimeoutKind): void => {
    if (controller.signal.aborted) return;
    fired = kind;
    controller.abort(new Error(`${kind} timeout`));
  };
  const forward = (): void => controller.abort(callerSignal?.reason);
  if (callerSignal?.aborted) forward();
  else callerSignal?.addEventListener('abort', forward, { once: true });
  const requestTimer = limits.requestTimeoutMs > 0 ? setTimeout(() => fire('request'), limits.requestTimeoutMs) : undefined;
  let idleTimer: NodeJS.Timeout | undefined;
  const touch = (): void => {
    if (limits.idleTimeoutMs <= 0 || controller.signal.aborted) return;
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => fire('idle'), limits.idleTimeoutMs);
  };
  touch();
  return {
    signal: controller.signal,
    touch,
    timedOut: () => fired,
    dispose: () => {
      clearTimeout(requestTimer);
      clearTimeout(idleTimer);
      callerSignal?.removeEventListener('abort', forward);
    },
  };
}
