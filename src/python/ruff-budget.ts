import type { PythonModule } from './python-model.js';

/**
 * Largest source that goes to Ruff beside the parse, whatever it holds. Ruff's time is linear in
 * bytes (~0.2 µs each) but costs ~40–75 µs per diagnostic, and odd code yields one every few bytes
 * (a line of `x and y and …`: 33,000 for 200 KB, 2.3 s): 128 KB of the worst code fits the 2 s
 * budget. Real modules are far smaller (the clinic example: 43 KB).
 */
export const RUFF_EAGER_BYTES = 128 * 1024;

/** Most lint work a larger module may hold (see `ruffWork`): as much as 128 KB of the worst code. */
export const RUFF_MAX_WORK = 128 * 1024;

/**
 * Most string literals one statement may hold for Ruff to run: its time grows with their square
 * (a list of 4,000 strings: 0.2 s; 16,000: 3.3 s; the same strings in separate statements stay linear).
 */
export const RUFF_MAX_STRINGS_PER_STATEMENT = 2_500;

/**
 * Comment and string bytes per unit of work: Ruff reads them at ~0.2 µs a byte and finds nothing
 * in them byte by byte, so a long comment or docstring costs it little (1 MB of comment: 0.16 s).
 */
const PADDING_BYTES_PER_UNIT = 64;
/** Work of one line of a comment or string: Ruff may report each (trailing whitespace, length, indentation). */
const UNITS_PER_PADDING_LINE = 10;
/** Work of one backslash: in a string, each one may be an invalid escape sequence (W605). */
const UNITS_PER_BACKSLASH = 5;

/** How much lint work a source holds, in bytes of the worst code, and what makes it up. */
export interface RuffWork {
  units: number;
  /** Bytes outside comments and plain string literals (f-strings count as code). */
  codeBytes: number;
  /** Lines that comments and multi-line strings take. */
  paddingLines: number;
  backslashes: number;
}

/**
 * The lint work a parsed module holds: its code counts byte for byte, its comments and string
 * contents (which a module can grow cheaply) by the diagnostics Ruff can find in them, per line
 * and per backslash, not per byte; so padding a module with a long comment or docstring does not
 * take it past what Ruff runs on.
 */
export function ruffWork(source: string, module: PythonModule): RuffWork {
  let paddingBytes = 0;
  let paddingLines = 0;
  for (const comment of module.comments) {
    paddingBytes += comment.text.length;
    paddingLines += 1;
  }
  for (const string of module.strings) {
    if (string.isFString) continue;
    // The decoded text is never longer than the literal, so the code is never undercounted.
    paddingBytes += string.text.length;
    paddingLines += string.endLine - string.line;
  }
  let backslashes = 0;
  for (let index = source.indexOf('\\'); index !== -1; index = source.indexOf('\\', index + 1)) backslashes++;
  const codeBytes = Math.max(0, source.length - paddingBytes);
  const units = codeBytes + Math.ceil(paddingBytes / PADDING_BYTES_PER_UNIT) + UNITS_PER_PADDING_LINE * paddingLines + UNITS_PER_BACKSLASH * backslashes;
  return { units, codeBytes, paddingLines, backslashes };
}

/** True when Ruff may start on a source before the parse has weighed it (see RUFF_EAGER_BYTES). */
export function ruffRunsEagerly(source: string): boolean {
  return source.length <= RUFF_EAGER_BYTES;
}

const kilobytes = (bytes: number): string => `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
const count = (value: number, one: string, many: string): string => `${value.toLocaleString('en-US')} ${value === 1 ? one : many}`;
const BUDGET = `Ruff runs on up to ${kilobytes(RUFF_MAX_WORK)} of code (its time grows with the number of diagnostics)`;

/** Why Ruff is not run on this parsed module (a statement with too many strings, too much lint work), or null when it is. */
export function ruffShapeSkip(module: PythonModule): string | null {
  const most = module.mostStringsInStatement ?? 0;
  if (most > RUFF_MAX_STRINGS_PER_STATEMENT) {
    return `one statement holds ${most} string literals; Ruff runs on statements of up to ${RUFF_MAX_STRINGS_PER_STATEMENT} (its time grows with their square)`;
  }
  if (ruffRunsEagerly(module.source)) return null;
  const work = ruffWork(module.source, module);
  if (work.units <= RUFF_MAX_WORK) return null;
  if (work.codeBytes > RUFF_MAX_WORK) return `the module holds ${kilobytes(work.codeBytes)} of code besides its comments and strings; ${BUDGET}`;
  const padding = [work.paddingLines > 0 ? count(work.paddingLines, 'line', 'lines') + ' of comments and strings' : '', work.backslashes > 0 ? count(work.backslashes, 'backslash', 'backslashes') : ''];
  return `its ${kilobytes(work.codeBytes)} of code with ${padding.filter(Boolean).join(' and ')} are as much lint work as ${kilobytes(work.units)} of code; ${BUDGET}`;
}
