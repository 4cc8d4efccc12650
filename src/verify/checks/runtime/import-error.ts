import { defineCheck, type CheckReport } from '../../check.js';
import { clip } from './support/runtime-symbols.js';

/** Importing slower than this is reported. */
export const SLOW_IMPORT_SECONDS = 2;
/** Printing more than this many characters while importing is reported. */
export const IMPORT_OUTPUT_LIMIT = 1024 * 1024;

function hintFor(type: string): string | undefined {
  if (type === 'SystemExit') return 'Never call sys.exit() or exit() in a module the UI imports; return failure responses instead.';
  if (type === 'Timeout') return 'Do no work at import time: move loops, network calls and heavy set-up into functions the UI calls.';
  if (type === 'ModuleNotFoundError') return 'Use only the standard library or the dependencies the design declares; install declared ones for that interpreter (or pass --python with one that has them).';
  if (type === 'PermissionError') return 'Do not open sockets, start processes or write outside the working directory at import time.';
  return undefined;
}

/** `runtime/import-error`: the module must import cleanly and quickly. */
export const importError = defineCheck({
  id: 'runtime/import-error',
  category: 'runtime',
  severity: 'error',
  description: 'Importing the module in the sandbox must succeed, promptly and quietly: a module the Gradio app cannot import does not work at all.',
  fixHint: 'Fix the error raised at the reported line; keep module-level code to definitions and constants.',
  requires: ['runtime'],
  run(context) {
    const outcome = context.runtime?.probe?.import;
    if (!outcome) return [];
    const reports: CheckReport[] = [];
    if (!outcome.ok) {
      const error = outcome.error ?? { type: 'Error', message: 'the import failed', line: 0, frames: [] };
      const where = error.frames.length > 0 ? ` (via ${error.frames.map((frame) => `${frame.function}:${frame.line}`).join(' → ')})` : '';
      const hint = hintFor(error.type);
      // A missing package may be the environment's fault: say which interpreter lacked it.
      const interpreter = context.runtime?.sandbox.interpreter;
      const missing = error.type === 'ModuleNotFoundError' && interpreter ? ` with ${interpreter.executable} ${interpreter.version}` : '';
      reports.push({
        message: `Importing the module failed${missing}: ${error.type}: ${clip(error.message)}${where}`,
        line: error.line,
        symbol: '<import>',
        ...(hint ? { hint } : {}),
      });
    } else if (outcome.seconds > SLOW_IMPORT_SECONDS) {
      reports.push({
        message: `Importing the module took ${outcome.seconds.toFixed(1)} s (limit ${SLOW_IMPORT_SECONDS} s)`,
        line: 0,
        severity: 'warning',
        hint: 'Do no work at import time: the UI imports the module at start-up.',
      });
    }
    if (outcome.stdoutChars > IMPORT_OUTPUT_LIMIT) {
      reports.push({
        message: `The module printed ${(outcome.stdoutChars / (1024 * 1024)).toFixed(1)} MB while importing (counted and dropped)`,
        line: 0,
        severity: 'warning',
        hint: 'Do not print at import time; use logging inside functions.',
      });
    }
    return reports;
  },
});
