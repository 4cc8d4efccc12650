/** Thrown (or returned as a reason) when a step is abandoned because the run was cancelled. */
export class CancelledError extends Error {
  constructor(message = 'cancelled') {
    super(message);
    this.name = 'CancelledError';
  }
}

/**
 * `work`, or a CancelledError as soon as `signal` aborts, whichever comes first. The work is not
 * stopped (a check cannot be interrupted mid-way); it is abandoned, its outcome ignored, and the
 * process ends without waiting for it.
 */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined, what = 'the step'): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) {
    work.catch(() => undefined);
    return Promise.reject(new CancelledError(`cancelled during ${what}`));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new CancelledError(`cancelled during ${what}`));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
