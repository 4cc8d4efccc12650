import { BacksmithError, EXIT_FATAL, RunStoppedError } from '../errors.js';
import type { Cancellation } from '../cancel/cancel-on-signals.js';
import { escapeTerminal } from '../report/escape-terminal.js';
import type { CliIo } from './cli-io.js';

/** How a model-driven command (`generate`, `tests`) ended when its action threw. */
export interface ModelActionFailure {
  error: unknown;
  io: CliIo;
  cancellation: Cancellation;
  /** Removes secrets from text before it is printed. */
  clean: (text: string) => string;
  json: boolean | undefined;
  /** What the command promises not to have done when cancelled: "delivered", "written". */
  nothingDone: string;
}

/**
 * Turns an error of a model-driven command into its exit: after Ctrl-C/SIGTERM whatever failed failed
 * because of the signal, so the run is cancelled (130/143), not broken; otherwise a one-line
 * BacksmithError (also as JSON with --json), or the error rethrown without secrets for the CLI's
 * internal-error path.
 */
export function handleModelActionFailure(failure: ModelActionFailure): void {
  const { error, io, cancellation, clean } = failure;
  const message = clean(error instanceof Error ? error.message : String(error));
  const cancelled = cancellation.exitCode();
  if (cancelled !== null) {
    io.stderr(`✘ Cancelled: nothing was ${failure.nothingDone} (${escapeTerminal(message)})\n`);
    io.setExitCode(cancelled);
    return;
  }
  if (!(error instanceof BacksmithError)) throw new Error(message, { cause: error });
  const run = error instanceof RunStoppedError ? error.run : null;
  if (failure.json) io.stdout(`${JSON.stringify({ outcome: 'error', exitCode: error.exitCode, message, ...(run ?? {}) }, null, 2)}\n`);
  throw new BacksmithError(message, error.exitCode ?? EXIT_FATAL);
}
