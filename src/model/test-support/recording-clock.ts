import type { RetryClock } from '../retry-policy.js';

/** A clock whose sleeps return at once and are recorded, so retry tests never wait. */
export interface RecordingClock extends RetryClock {
  /** Every delay asked of `sleep`, in ms. */
  delays: number[];
}

/** Creates a recording clock; `random` is fixed (default 0.5: jitter-free backoff). */
export function recordingClock(random = 0.5, now = Date.parse('2025-06-01T12:00:00Z')): RecordingClock {
  const delays: number[] = [];
  return {
    delays,
    now: () => now,
    random: () => random,
    sleep: async (ms) => {
      delays.push(ms);
    },
  };
}
