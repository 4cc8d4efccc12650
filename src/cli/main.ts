import { Command, CommanderError } from 'commander';
import { BacksmithError, EXIT_FATAL } from '../errors.js';
import { escapeTerminal } from '../report/escape-terminal.js';
import { BACKSMITH_VERSION } from '../version.js';
import { processIo, type CliIo } from './cli-io.js';

type RegisterCommand = (program: Command, io: CliIo) => void;

/**
 * Each command's module, loaded on demand: a command loads only its own code (`verify` none of
 * generate's, the MCP server's or init's), and help or an unknown command loads them all.
 */
const COMMANDS: Record<string, () => Promise<RegisterCommand>> = {
  verify: async () => (await import('./verify-command.js')).registerVerifyCommand,
  spec: async () => (await import('./spec-command.js')).registerSpecCommand,
  checks: async () => (await import('./checks-command.js')).registerChecksCommand,
  agents: async () => (await import('./agents-command.js')).registerAgentsCommand,
  runs: async () => (await import('./runs-command.js')).registerRunsCommand,
  generate: async () => (await import('./generate-command.js')).registerGenerateCommand,
  tests: async () => (await import('./tests-command.js')).registerTestsCommand,
  mcp: async () => (await import('./mcp-command.js')).registerMcpCommand,
  init: async () => (await import('./init-command.js')).registerInitCommand,
};

async function buildProgram(io: CliIo, argv: readonly string[]): Promise<Command> {
  const program = new Command()
    .name('backsmith')
    .description('Generate, verify, repair and deliver production-ready Python backend modules')
    .version(BACKSMITH_VERSION)
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: io.stdout, writeErr: (text) => io.stderr(text.split('\n').map(escapeTerminal).join('\n')) });
  const named = Object.hasOwn(COMMANDS, argv[0] ?? '') ? COMMANDS[argv[0]!] : undefined;
  // `--version` alone needs no command (help and unknown commands list them all).
  const version = argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V');
  const registrations = await Promise.all((named ? [named] : version ? [] : Object.values(COMMANDS)).map((load) => load()));
  for (const register of registrations) register(program, io);
  return program;
}

/** Runs the CLI with the given arguments and returns the exit code; never throws. */
export async function runCli(argv: string[], io: CliIo & { exitCode: () => number } = processIo()): Promise<number> {
  try {
    const program = await buildProgram(io, argv);
    await program.parseAsync(argv, { from: 'user' });
    return io.exitCode();
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : EXIT_FATAL;
    if (error instanceof BacksmithError) {
      // A path or a provider's reply in the message may hold terminal controls (ESC, BEL, CR): shown, not obeyed.
      io.stderr(`backsmith: ${error.message.split('\n').map(escapeTerminal).join('\n')}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`backsmith: internal error: ${escapeTerminal(message)}\nThis is a bug in backsmith; set BACKSMITH_DEBUG=1 to see where it happened.\n`);
    if (process.env.BACKSMITH_DEBUG && error instanceof Error) io.stderr(`${error.stack ?? ''}\n`);
    return EXIT_FATAL;
  }
}
