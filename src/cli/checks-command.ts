import type { Command } from 'commander';
import { ALL_CHECKS } from '../verify/registry.js';
import type { CliIo } from './cli-io.js';

/** Registers `backsmith checks`: the registry with ids, severities, descriptions and fix hints. */
export function registerChecksCommand(program: Command, io: CliIo): void {
  program
    .command('checks')
    .description('List every check: id, default severity, what it looks for and how to fix it')
    .option('--json', 'print the list as JSON')
    .action((flags: { json?: boolean }) => {
      const checks = ALL_CHECKS.map(({ id, category, severity, description, fixHint, requires }) => ({
        id, category, severity, description, fixHint, requires: requires ?? [],
      }));
      if (flags.json) {
        io.stdout(`${JSON.stringify(checks, null, 2)}\n`);
        return;
      }
      const width = Math.max(...checks.map((check) => check.id.length));
      const lines = checks.map((check) => {
        const needs = check.requires.length > 0 ? ` (needs ${check.requires.join(', ')})` : '';
        return `${check.id.padEnd(width)}  ${check.severity.padEnd(7)}  ${check.description}${needs}`;
      });
      io.stdout(`${lines.join('\n')}\n\n${checks.length} checks.\n`);
    });
}
