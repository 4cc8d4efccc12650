import type { Writable } from 'node:stream';
import { fileErrorReason } from '../deliver/file-error-reason.js';
import { EXIT_FATAL } from '../errors.js';

/** Where the CLI writes and how it sets its exit code; tests pass their own. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  setExitCode(code: number): void;
}

const guarded = new WeakMap<Writable, () => boolean>();

/** Set once the output could not be written for another reason than a reader that left. */
let outputFailed = false;

/**
 * A writer to `stream` that stops writing, quietly, once the reader has gone (`backsmith … | head`):
 * an EPIPE is not a crash with a stack trace, and the command still finishes what it started (a
 * generate run is still recorded) and exits with its own code. Any other failure (`> /dev/full`:
 * no space left) is one line and exit 2: a report that was not written is not a pass.
 */
function quietWriter(stream: Writable): (text: string) => void {
  let isClosed = guarded.get(stream);
  if (!isClosed) {
    let closed = false;
    stream.on('error', (error: NodeJS.ErrnoException) => {
      closed = true;
      // Progress and messages that cannot be shown (2> /dev/full) do not undo a result written in full.
      if (error.code === 'EPIPE' || stream === process.stderr) return;
      outputFailed = true;
      // The error may come after the command has returned its code: the process's own is set too.
      process.exitCode = EXIT_FATAL;
      process.stderr.write(`backsmith: cannot write the output: ${fileErrorReason(error)}.\n`);
    });
    isClosed = () => closed;
    guarded.set(stream, isClosed);
  }
  const closedNow = isClosed;
  return (text) => {
    if (!closedNow()) stream.write(text);
  };
}

/** The process's own streams. */
export function processIo(): CliIo & { exitCode: () => number } {
  let code = 0;
  const stdout = quietWriter(process.stdout);
  const stderr = quietWriter(process.stderr);
  return {
    stdout,
    stderr,
    setExitCode: (next) => (code = next),
    exitCode: () => (outputFailed ? EXIT_FATAL : code),
  };
}
