import { createHash } from 'node:crypto';
import { BacksmithError } from '../errors.js';
import type { Finding } from './finding.js';
import { readTextFile } from '../inputs/read-text-file.js';
import { MAX_MODULE_BYTES, verifyModule, type ModuleReport, type VerifyModuleOptions } from './verify-module.js';

/** Findings the verifier gives a module it could not verify; they are not checks and cannot be turned off. */
export const VERIFY_FAILURES = {
  'verify/internal-error': {
    severity: 'error',
    description: 'backsmith failed while verifying this module (a bug in backsmith, or input beyond what it can handle); the module is not verified, so it cannot pass.',
    fixHint: 'Simplify the code around what the message names (very long or deeply nested expressions); if the module is ordinary, report the message as a backsmith bug.',
  },
  'verify/unreadable-module': {
    severity: 'error',
    description: 'The file could not be read as a Python module (missing, not readable, not UTF-8, or larger than backsmith verifies), so it is not verified.',
    fixHint: 'Make the file readable (its permissions) and save it as UTF-8 text under 1 MB, or leave it out of the paths given to verify.',
  },
} as const;

/** Id of a finding from VERIFY_FAILURES. */
export type VerifyFailureId = keyof typeof VERIFY_FAILURES;

/** The report of a module whose verification failed: one error finding that says why. */
export function failedModuleReport(options: VerifyModuleOptions, id: VerifyFailureId, error: unknown, durationMs: number): ModuleReport {
  const reason = error instanceof Error ? error.message : String(error);
  const failure = VERIFY_FAILURES[id];
  const finding: Finding = {
    checkId: id, category: 'verify', severity: failure.severity,
    message: id === 'verify/internal-error' ? `backsmith could not verify this module: ${reason.split('\n')[0]!.slice(0, 300)}` : reason.split('\n')[0]!.slice(0, 300),
    line: 0, hint: failure.fixHint,
  };
  return {
    path: options.path,
    sha256: typeof options.source !== 'string' ? '' : createHash('sha256').update(options.source).digest('hex'),
    passed: false,
    summary: { errors: 1, warnings: 0, infos: 0 },
    findings: [finding],
    checks: [],
    syntax: { authority: 'tree-sitter', pythonVersion: null, fallbackReason: 'the module was not verified' },
    durationMs: Math.round(durationMs),
  };
}

/**
 * `verifyModule`, except that a failure inside backsmith becomes the module's report (finding
 * `verify/internal-error`) instead of ending the run; with `unreadableIsFinding`, so does bad input.
 */
export async function verifyModuleOrReport(options: VerifyModuleOptions, unreadableIsFinding = false): Promise<ModuleReport> {
  const started = performance.now();
  let source = options.source;
  if (source === undefined && unreadableIsFinding) {
    try {
      source = await readTextFile(options.path, { maxBytes: MAX_MODULE_BYTES, label: 'Python module' });
    } catch (error) {
      if (!(error instanceof BacksmithError)) throw error;
      return failedModuleReport(options, 'verify/unreadable-module', error, performance.now() - started);
    }
  }
  const read = source === undefined ? options : { ...options, source };
  try {
    return await verifyModule(read);
  } catch (error) {
    // Bad input and bad usage keep their exit code; anything else is backsmith failing on this module.
    if (error instanceof BacksmithError) throw error;
    return failedModuleReport(read, 'verify/internal-error', error, performance.now() - started);
  }
}
