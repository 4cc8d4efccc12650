import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runRuff, type LintDiagnostic } from './ruff-engine.js';
import { RuffCrash, RuffProcess } from './ruff-process.js';

export { RUFF_RULE_FAMILIES, type LintDiagnostic } from './ruff-engine.js';

const DEFAULT_TARGET_VERSION = 'py310';
const NOT_RUN = 'not run: the module nests too deeply for Ruff';
/** Longest Ruff may take on one module (real modules take well under a second). */
const RUFF_TIME_LIMIT_MS = 15_000;
/** The line length of the default configuration (kept here so the CLI can warm Ruff up before loading it). */
export const DEFAULT_LINE_LENGTH = 100;
/** The script of Ruff's process (see ruff-process.ts). */
const WORKER_FILE = fileURLToPath(new URL('./ruff-worker.js', import.meta.url));

export { RuffCrash } from './ruff-process.js';

// The process lives on the global object, not in this module: the CLI starts it from dist/ before it
// knows whether its bundle (another copy of this module) is fresh, and that copy must find it.
const PROCESS = Symbol.for('backsmith.ruff-process');
const processHolder = globalThis as { [PROCESS]?: RuffProcess };

/** Ruff's process, or null where it cannot run (sources run by a TypeScript test runner have no .js file for it). */
function ruffProcess(): RuffProcess | null {
  const running = processHolder[PROCESS];
  if (running && !running.failed) return running;
  if (!existsSync(WORKER_FILE)) return null;
  processHolder[PROCESS] = new RuffProcess(WORKER_FILE);
  return processHolder[PROCESS];
}

/** A failure of Ruff on a source, from this copy of the module or another (see PROCESS). */
const isRuffFailure = (error: unknown): boolean => error instanceof Error && (error.name === 'RuffCrash' || error.name === 'RuffSkipped');

/**
 * Loads Ruff's wasm ahead of the first lint, so that it overlaps other start-up work; with `ahead`,
 * the source the caller expects to lint soon, that source is linted right away instead of a
 * warm-up module, and its outcome kept for the request that asks for it.
 */
export function warmUpRuff(lineLength: number, targetVersion = DEFAULT_TARGET_VERSION, ahead?: string): void {
  void ruffProcess()?.request(null, lineLength, targetVersion, ahead).catch(() => undefined);
}

/** Ruff was not run on a source, by design (see ruff-budget.ts): the message says why. */
export class RuffSkipped extends Error {
  override readonly name = 'RuffSkipped';
}

/**
 * The parse's verdict on a source: true when Ruff may run, false when the nesting is too deep for
 * it, or the reason it is not run (too many strings in one statement, ...).
 */
export type RuffVerdict = boolean | string;

/** The error a refusing verdict stands for (`RuffCrash` for depth, `RuffSkipped` with its reason), or null when Ruff may run. */
export function ruffRefusal(verdict: RuffVerdict): Error | null {
  if (verdict === true) return null;
  return verdict === false ? new RuffCrash(NOT_RUN) : new RuffSkipped(verdict);
}

/**
 * Lints Python source with Ruff (in its own process when possible, else on this thread). Throws
 * `RuffCrash` when Ruff fails on this source or takes longer than RUFF_TIME_LIMIT_MS, and `RuffSkipped`
 * or `RuffCrash` when `safeHere` (the parse's verdict) refuses the source: Ruff's process is then
 * stopped if it is still at work, and on this thread Ruff does not start, since a crash would corrupt
 * its wasm for the rest of the process. A refusal wins even over a finished lint, so the outcome
 * does not depend on which was faster.
 */
export async function lintPython(source: string, lineLength: number, targetVersion = DEFAULT_TARGET_VERSION, safeHere?: Promise<RuffVerdict>): Promise<LintDiagnostic[]> {
  const verdict = safeHere ?? Promise.resolve(true);
  // A process that died under another request's crash gets one fresh process.
  for (let attempt = 0; attempt < 2; attempt++) {
    const worker = ruffProcess();
    if (!worker) break;
    try {
      const linted = worker.request(source, lineLength, targetVersion);
      // Ruff is slow and may crash on what the parse refuses, and its time grows faster than
      // linearly on some flat shapes the parse does not count: stop it then.
      let timer: NodeJS.Timeout | undefined;
      const timeUp = new Promise<'time-up'>((resolve) => (timer = setTimeout(() => resolve('time-up'), RUFF_TIME_LIMIT_MS)));
      const finished = linted.then(() => 'linted' as const, () => 'linted' as const);
      const first = await Promise.race([finished, verdict, timeUp]);
      const refused = first === 'linted' || first === 'time-up' ? null : ruffRefusal(first);
      const outcome = refused || first === 'time-up' ? first : await Promise.race([finished, timeUp]);
      clearTimeout(timer);
      if (refused || outcome === 'time-up') {
        linted.catch(() => undefined);
        worker.retire();
        throw refused ?? new RuffCrash(`stopped after ${RUFF_TIME_LIMIT_MS / 1000} s`);
      }
      const result = await linted.catch((error: Error) => error);
      const late = ruffRefusal(await verdict);
      if (late) throw late;
      if (result instanceof Error) throw result;
      return result;
    } catch (error) {
      if (isRuffFailure(error)) throw error;
      if (attempt === 1) throw new RuffCrash((error as Error).message);
    }
  }
  const refused = ruffRefusal(await verdict);
  if (refused) throw refused;
  try {
    return await runRuff(source, lineLength, targetVersion);
  } catch (error) {
    throw new RuffCrash((error as Error).message);
  }
}
