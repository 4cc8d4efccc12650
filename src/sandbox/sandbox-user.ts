import { randomInt } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * Dedicated uids for sandboxed runs, far above real users and the usual subordinate-uid ranges.
 * Each run gets its own uid, so RLIMIT_NPROC counts only that run's processes and the
 * end-of-run sweep (kill every process of the uid) cannot touch anything else.
 */
const UID_BASE = 1_850_000_000;
const UID_SPAN = 10_000_000;

function knownUids(): Set<number> {
  const uids = new Set<number>();
  for (const file of ['/etc/passwd', '/etc/group']) {
    try {
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        const id = Number(line.split(':')[2]);
        if (Number.isInteger(id)) uids.add(id);
      }
    } catch {
      // no such file: nothing known
    }
  }
  return uids;
}

/** Pids of the live (not zombie) processes whose real uid is `uid` (Linux /proc). */
export function processesOfUid(uid: number): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  const pids: number[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'latin1');
      const match = /\nUid:\s+(\d+)/.exec(status);
      const zombie = /\nState:\s+[ZX]/.test(status);
      if (match && Number(match[1]) === uid && !zombie) pids.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}

/** Picks an unused uid for one sandboxed run. */
export function pickSandboxUid(): number {
  const known = knownUids();
  for (let attempt = 0; attempt < 20; attempt++) {
    const uid = UID_BASE + randomInt(UID_SPAN);
    if (!known.has(uid) && processesOfUid(uid).length === 0) return uid;
  }
  throw new Error('could not find an unused uid for the sandbox');
}

/**
 * Kills every process of `uid`, repeating while new ones appear (a forking process races the
 * sweep; RLIMIT_NPROC bounds how many there can be). Returns how many were killed.
 */
export async function killProcessesOfUid(uid: number, rounds = 20): Promise<number> {
  let killed = 0;
  for (let round = 0; round < rounds; round++) {
    const pids = processesOfUid(uid);
    if (pids.length === 0) return killed;
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL');
        killed++;
      } catch {
        // already gone
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return killed;
}
