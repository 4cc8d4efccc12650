import { Command, CommanderError } from 'commander';
import { BacksmithError, EXIT_FATAL } from '../errors.js';
import { BACKSMITH_VERSION } from '../version.js';
import { processIo, type CliIo } from './cli-io.js';
import { registerChecksCommand } from './checks-command.js';
import { registerVerifyCommand } from './verify-command.js';
import { registerSpecCommand } from './spec-command.js';
import { registerAgentsCommand } from './agents-command.js';
import { registerRunsCommand } from './runs-command.js';
import { registerGenerateCommand } from './generate-command.js';
import { registerTestsCommand } from './tests-command.js';
import { registerMcpCommand } from './mcp-command.js';
import { registerInitCommand } from './init-command.js';

function buildProgram(io: CliIo): Command {
  const program = new Command()
    .name('backsmith')
    .description('Generate, verify, repair and deliver production-ready Python backend modules')
    .version(BACKSMITH_VERSION)
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  registerVerifyCommand(program, io);
  registerSpecCommand(program, io);
  registerChecksCommand(program, io);
  registerAgentsCommand(program, io);
  registerRunsCommand(program, io);
  registerGenerateCommand(program, io);
  registerTestsCommand(program, io);
  registerMcpCommand(program, io);
  registerInitCommand(program, io);
  return program;
}

/** Runs the CLI with the given arguments and returns the exit code; never throws. */
export async function runCli(argv: string[], io: CliIo & { exitCode: () => number } = processIo()): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return io.exitCode();
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : EXIT_FATAL;
    if (error instanceof BacksmithError) {
      io.stderr(`backsmith: ${error.message}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`backsmith: internal error: ${message}\nThis is a bug in backsmith; set BACKSMITH_DEBUG=1 to see where it happened.\n`);
    if (process.env.BACKSMITH_DEBUG && error instanceof Error) io.stderr(`${error.stack ?? ''}\n`);
    return EXIT_FATAL;
  }
}
