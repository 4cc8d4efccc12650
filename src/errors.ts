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
