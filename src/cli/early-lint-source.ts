import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** Larger files are left to the command (verify refuses modules over 1 MB). */
const MAX_BYTES = 1_048_576;

/**
 * The module `backsmith verify` will lint first, guessed from its arguments before the CLI has
 * loaded: the first of the paths given before any option, when it is a `.py` file of at most
 * 1 MB; null otherwise. Only a head start for Ruff (see `warmUpRuff`): a wrong guess costs a
 * warm-up, never a wrong answer, so this reads no configuration and parses no options.
 */
export function earlyLintSource(args: readonly string[]): string | null {
  if (args[0] !== 'verify') return null;
  const first = args[1];
  if (first === undefined || first.startsWith('-') || !first.endsWith('.py')) return null;
  let descriptor: number | null = null;
  try {
    descriptor = openSync(first, 'r');
    const stats = fstatSync(descriptor);
    if (!stats.isFile() || stats.size > MAX_BYTES) return null;
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
