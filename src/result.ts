/** The outcome of a pipeline stage: a value, or an expected failure described as data (never thrown). */
export type Result<T, E = string> = { ok: true; value: T } | { ok: false; error: E };

/** A successful result. */
export function success<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

/** A failed result. */
export function failure<E>(error: E): { ok: false; error: E } {
  return { ok: false, error };
}
