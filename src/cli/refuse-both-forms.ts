import type { Command } from 'commander';
import { BacksmithError } from '../errors.js';

/**
 * Watches `--name` and `--no-name` on `command` (commander keeps whichever comes last, silently:
 * `--tests t.py --no-tests` dropped the user's tests) and returns a check for the action that
 * refuses both in one command line with a one-line usage error (exit 2).
 */
export function refuseBothForms(command: Command, names: readonly string[]): () => void {
  const seen = new Set<string>();
  for (const name of names) {
    command.on(`option:${name}`, () => seen.add(name));
    command.on(`option:no-${name}`, () => seen.add(`no-${name}`));
  }
  return () => {
    const both = names.find((name) => seen.has(name) && seen.has(`no-${name}`));
    if (both) throw new BacksmithError(`--${both} and --no-${both} cannot be combined: give one of them.`);
  };
}
