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
      const { listRuns } = await import('../runs/list-runs.js');
      const { formatRunList } = await import('../runs/format-run.js');
      const records = (await listRuns(process.cwd())).slice(0, flags.limit);
      io.stdout(flags.json ? `${JSON.stringify(records, null, 2)}\n` : formatRunList(records));
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
