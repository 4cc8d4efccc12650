import type { LoopSteps } from '../repair/loop-types.js';

/** The loop's reply step, drawing first drafts ahead of the loop. */
export interface ConcurrentDrafts {
  reply: LoopSteps['reply'];
  /** Waits for replies requested ahead that the loop never asked for (their calls are recorded too). */
  settle(): Promise<void>;
}

/**
 * Lets `jobs` first drafts be requested at once while the loop still takes them one by one: when
 * the loop asks for candidate k, candidates k…k+jobs−1 are requested (at most `jobs` in flight,
 * since k's reply is done before k+1 is asked for). The loop sees each reply in candidate order,
 * so its drafts and its choice are those of the sequential run; when a draft passes early, at most
 * jobs−1 replies were requested for nothing. Repairs (round ≥ 1) pass straight through.
 */
export function concurrentFirstDrafts(reply: LoopSteps['reply'], limits: { candidates: number; jobs: number }): ConcurrentDrafts {
  const jobs = Math.max(1, Math.min(limits.jobs, limits.candidates));
  if (jobs <= 1) return { reply, settle: async () => undefined };
  const requested = new Map<number, ReturnType<LoopSteps['reply']>>();
  const taken = new Set<number>();
  const request = (prompt: Parameters<LoopSteps['reply']>[0], candidate: number) => {
    if (requested.has(candidate) || candidate > limits.candidates) return;
    const pending = reply(prompt, { round: 0, candidate });
    // A failure surfaces when the loop takes this reply; one it never takes must not go unhandled.
    pending.catch(() => undefined);
    requested.set(candidate, pending);
  };
  return {
    reply(prompt, at) {
      if (at.round !== 0) return reply(prompt, at);
      for (let ahead = at.candidate; ahead < at.candidate + jobs; ahead++) request(prompt, ahead);
      taken.add(at.candidate);
      return requested.get(at.candidate)!;
    },
    async settle() {
      const untaken = [...requested].filter(([candidate]) => !taken.has(candidate)).map(([, pending]) => pending.catch(() => undefined));
      await Promise.all(untaken);
    },
  };
}
