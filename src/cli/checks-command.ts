import type { Command } from 'commander';
import { BacksmithError } from '../errors.js';
import type { Check } from '../verify/check.js';
import { ALL_CHECKS } from '../verify/registry.js';
import { closestSelector } from '../verify/suppressions/check-selectors.js';
import { CHECK_EXAMPLES } from './check-examples.js';
import type { CliIo } from './cli-io.js';

function summary(check: Check) {
  const { id, category, severity, description, fixHint, requires } = check;
  return { id, category, severity, description, fixHint, requires: requires ?? [] };
}

function indent(code: string): string {
  return code.split('\n').map((line) => `    ${line}`).join('\n');
}

/** One check in full: what it looks for, its severity, what it needs, the fix and an example. */
function describeCheck(check: Check): string {
  const { requires } = summary(check);
  const lines = [`${check.id}  (${check.severity}, ${check.category})`, '', check.description, ''];
  if (requires.length > 0) lines.push(`Runs only with: ${requires.join(', ')}`, '');
  lines.push(`Fix: ${check.fixHint}`);
  const example = CHECK_EXAMPLES[check.id];
  if (example) {
    if (example.given) lines.push('', `Given ${example.given}`);
    lines.push('', 'Flagged:', indent(example.flagged), '', 'Fixed:', indent(example.fixed));
  }
  return `${lines.join('\n')}\n`;
}

function selected(selector: string): Check[] {
  const exact = ALL_CHECKS.filter((check) => check.id === selector);
  if (exact.length > 0) return exact;
  const category = selector.endsWith('/') ? selector : `${selector}/`;
  const inCategory = ALL_CHECKS.filter((check) => check.id.startsWith(category));
  if (inCategory.length > 0) return inCategory;
  const near = ALL_CHECKS.filter((check) => check.id.split('/')[1] === selector).map((check) => check.id);
  const guess = near.length > 0 ? near.join(', ') : closestSelector(selector);
  throw new BacksmithError(`Unknown check '${selector.slice(0, 100)}'${guess ? `; did you mean ${guess}?` : '.'} Run 'backsmith checks' for the list.`);
}

/** Registers `backsmith checks [id]`: the registry, or one check (or category) with hint and example. */
export function registerChecksCommand(program: Command, io: CliIo): void {
  program
    .command('checks')
    .description('List every check (id, severity, what it looks for), or show one check or category in full with its fix hint and an example')
    .argument('[id]', 'a check id (e.g. quality/placeholder) or a category (e.g. safety/)')
    .option('--json', 'print as JSON')
    .action((id: string | undefined, flags: { json?: boolean }) => {
      if (id !== undefined) {
        const checks = selected(id);
        if (flags.json) {
          const entries = checks.map((check) => ({ ...summary(check), ...(CHECK_EXAMPLES[check.id] ? { example: CHECK_EXAMPLES[check.id] } : {}) }));
          io.stdout(`${JSON.stringify(entries.length === 1 && entries[0]!.id === id ? entries[0] : entries, null, 2)}\n`);
          return;
        }
        io.stdout(checks.map(describeCheck).join('\n'));
        return;
      }
      const checks = ALL_CHECKS.map(summary);
      if (flags.json) {
        io.stdout(`${JSON.stringify(checks, null, 2)}\n`);
        return;
      }
      const width = Math.max(...checks.map((check) => check.id.length));
      const lines = checks.map((check) => {
        const needs = check.requires.length > 0 ? ` (needs ${check.requires.join(', ')})` : '';
        return `${check.id.padEnd(width)}  ${check.severity.padEnd(7)}  ${check.description}${needs}`;
      });
      io.stdout(`${lines.join('\n')}\n\n${checks.length} checks. 'backsmith checks <id>' shows one with its fix and an example.\n`);
    });
}
