import type { CliIo } from '../cli-io.js';
import { runCli } from '../main.js';

/** What an in-process CLI run printed, and its exit code. */
export interface InMemoryRun {
  code: number;
  out: string;
  err: string;
}

/** Runs the CLI in this process with its output collected in memory. */
export async function runCliInMemory(argv: string[]): Promise<InMemoryRun> {
  let out = '';
  let err = '';
  let exitCode = 0;
  const io: CliIo & { exitCode: () => number } = {
    stdout: (text) => void (out += text),
    stderr: (text) => void (err += text),
    setExitCode: (next) => void (exitCode = next),
    exitCode: () => exitCode,
  };
  const code = await runCli(argv, io);
  return { code, out, err };
}
