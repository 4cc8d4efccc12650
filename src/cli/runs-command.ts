import { InvalidArgumentError, type Command } from 'commander';
import type { CliIo } from './cli-io.js';

/** Largest `--limit` accepted: far beyond any real history, small enough to stay a number. */
const MAX_LIMIT = 100_000;

/** `--limit`: a whole number from 1 on; anything else is bad usage (exit 2), never silently replaced. */
export function parseLimit(value: string): number {
  const trimmed = value.trim();
  const number = Number(trimmed);
  if (!/^\d+$/.test(trimmed) || !Number.isSafeInteger(number) || number < 1 || number > MAX_LIMIT) {
    throw new InvalidArgumentError(`expected a whole number from 1 to ${MAX_LIMIT}.`);
  }
  return number;
}

/** Registers `backsmith runs` and `backsmith runs show <id>`. */
export function registerRunsCommand(program: Command, io: CliIo): void {
  const runs = program
    .command('runs')
    .description('List the generate runs recorded in .backsmith/runs/ (newest first)')
    .option('--json', 'print the records as JSON')
    .option('--limit <n>', 'show at most this many runs', parseLimit, 20)
    .action(async (flags: { json?: boolean; limit: number }) => {
      const { readRunsFolder } = await import('../runs/list-runs.js');
      const { formatRunList } = await import('../runs/format-run.js');
      const { records, unreadable } = await readRunsFolder(process.cwd());
      io.stdout(flags.json ? `${JSON.stringify(records.slice(0, flags.limit), null, 2)}\n` : formatRunList(records.slice(0, flags.limit)));
      // A run whose record is damaged is not left out silently (stderr, so --json stays one document).
      if (unreadable.length > 0) io.stderr(`${unreadable.length} run folder(s) could not be read: ${unreadable.slice(0, 5).map((run) => `${run.id} (${run.reason})`).join(', ')}${unreadable.length > 5 ? ', …' : ''}.\n`);
    });
  runs
    .command('show')
    .description('Print one run: outcome and why, calls, drafts and their findings, tokens, cost, files')
    .argument('<id>', 'run id, an unambiguous prefix of one, or "latest"')
    .option('--json', 'print the record as JSON')
    .action(async (id: string, flags: { json?: boolean }) => {
      const { findRun } = await import('../runs/list-runs.js');
      const { formatRun } = await import('../runs/format-run.js');
      const { record, dir } = await findRun(process.cwd(), id);
      io.stdout(flags.json ? `${JSON.stringify(record, null, 2)}\n` : formatRun(record, dir));
    });
}
