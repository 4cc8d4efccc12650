import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { sizesIfAllLarger } from '../inputs/large-files.js';
import { RUFF_EAGER_BYTES } from '../python/ruff-budget.js';

/**
 * The module `backsmith verify` will lint first, guessed from its arguments before the CLI has
 * loaded: the first of the paths given before any option, when it is a `.py` file no larger than
 * Ruff is given before the parse has weighed it (RUFF_EAGER_BYTES); null otherwise: a 1 MB module
 * of odd code once kept Ruff's process busy for seconds beside the parse, for an answer the
 * parse then refused. Only a head start for Ruff (see `warmUpRuff`): a wrong guess costs a
 * warm-up, never a wrong answer, so this reads no configuration and parses no options.
 */
export function earlyLintSource(args: readonly string[]): string | null {
  const first = leadingPaths(args)[0];
  if (!first?.endsWith('.py')) return null;
  let descriptor: number | null = null;
  try {
    descriptor = openSync(first, 'r');
    const stats = fstatSync(descriptor);
    if (!stats.isFile() || stats.size > RUFF_EAGER_BYTES) return null;
    const bytes = Buffer.alloc(stats.size);
    const read = readSync(descriptor, bytes, 0, stats.size, 0);
    // Decoded as the verify command decodes it (a BOM dropped, invalid UTF-8 refused), so that the
    // outcome is kept for the same text.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, read));
  } catch {
    return null;
  } finally {
    if (descriptor !== null) closeSync(descriptor);
  }
}

/**
 * Whether every path is a `.py` file larger than Ruff is given before the parse has weighed it
 * (RUFF_EAGER_BYTES). Ruff then need not start before the parse: on such a module it runs only if
 * the parse finds little code in it (mostly comments and strings), and on a 2-core machine its
 * start (~0.4 s of CPU) competes with the parse of a 1 MB module for nothing otherwise.
 */
export function onlyLargeModules(paths: readonly string[]): boolean {
  return paths.every((file) => file.endsWith('.py')) && sizesIfAllLarger(paths, RUFF_EAGER_BYTES) !== null;
}

/** The paths `verify` was given before its first option, as `earlyLintSource` reads them. */
export function leadingPaths(args: readonly string[]): string[] {
  if (args[0] !== 'verify') return [];
  const paths: string[] = [];
  for (const argument of args.slice(1)) {
    if (argument.startsWith('-')) break;
    paths.push(argument);
  }
  return paths;
}
