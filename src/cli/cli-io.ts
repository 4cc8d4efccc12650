/** Where the CLI writes and how it sets its exit code; tests pass their own. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  setExitCode(code: number): void;
}

/** The process's own streams. */
export function processIo(): CliIo & { exitCode: () => number } {
  let code = 0;
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    setExitCode: (next) => (code = next),
    exitCode: () => code,
  };
}
