/** Exit codes of the CLI, as ESLint uses them. */
export const EXIT_PASSED = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_FATAL = 2;

/**
 * A problem that stops backsmith from doing its job at all (bad usage, unreadable input,
 * provider down after retries). Carries an actionable message; the CLI prints it without a stack.
 */
export class BacksmithError extends Error {
  readonly exitCode: number;

  constructor(message: string, exitCode: number = EXIT_FATAL) {
    super(message);
    this.name = 'BacksmithError';
    this.exitCode = exitCode;
  }
}

/** Where a `generate` run that a fatal problem stopped is recorded, so the user can find what it did. */
export interface RecordedRun {
  runId: string;
  runDir: string;
  /** The best draft so far, saved beside the record and marked FAILING; null when no draft came. */
  failingDraftPath: string | null;
}

/** A fatal problem (provider down after retries) that stopped a `generate` run already recorded. */
export class RunStoppedError extends BacksmithError {
  readonly run: RecordedRun;

  constructor(message: string, exitCode: number, run: RecordedRun) {
    super(message, exitCode);
    this.name = 'RunStoppedError';
    this.run = run;
  }
}
