import type { Command } from 'commander';
import type { CliIo } from './cli-io.js';

/** Registers `backsmith runs` and `backsmith runs show <id>`. */
export function registerRunsCommand(program: Command, io: CliIo): void {
  const runs = program
    .command('runs')
    .description('List the generate runs recorded in .backsmith/runs/ (newest first)')
    .option('--json', 'print the records as JSON')
    .option('--limit <n>', 'show at most this many runs', (value) => Number.parseInt(value, 10), 20)
    .action(async (flags: { json?: boolean; limit: number }) => {
      const { listRuns } = await import('../runs/list-runs.js');
      const { formatRunList } = await import('../runs/format-run.js');
      const records = (await listRuns(process.cwd())).slice(0, Math.max(1, flags.limit || 20));
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
