/** Raised when a required protection is missing and running unsandboxed was not allowed. */
export class SandboxRefusedError extends Error {
  /** The required protections this host lacks. */
  readonly missing: string[];

  constructor(missing: string[], notes: string[] = []) {
    super(
      `the sandbox lacks required protections (${missing.join(', ')})${notes.length ? `: ${notes.join('; ')}` : ''}; ` +
        'runtime checks did not run (pass --allow-unsandboxed to run them anyway)',
    );
    this.name = 'SandboxRefusedError';
    this.missing = missing;
  }
}
