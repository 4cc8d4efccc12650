import { ALL_CHECKS } from '../registry.js';

/**
 * Findings that say something the user asked for did not happen, or that the verifier itself
 * failed: nothing waives them, so no waiver can turn "did not run" into a pass.
 */
const NEVER_WAIVED = new Set(['runtime/not-run', 'tests/not-run', 'runtime/bad-results', 'tests/unreported']);

/** Categories whose findings come from running the module (or from the verifier itself). */
const EVIDENCE_CATEGORIES = ['runtime/', 'tests/', 'verify/'];

/** Static checks of a module certifying itself: forging outcomes or tampering with the verifier. */
const SELF_CERTIFYING = new Set(['safety/tampering', 'safety/outcome-forging']);

let fromRunning: Set<string> | null = null;

/** True when no comment, `--ignore` or `--select` may waive findings of this check. */
export function isNeverWaived(checkId: string): boolean {
  return NEVER_WAIVED.has(checkId) || checkId.startsWith('verify/');
}

/**
 * True when a comment in the module may waive findings of this check. The module under test may
 * comment on what static analysis says of its code, but not on what running it showed, nor on
 * its own tampering: otherwise a module could certify itself.
 */
export function isWaivableByComment(checkId: string): boolean {
  fromRunning ??= new Set(ALL_CHECKS.filter((check) => check.requires?.includes('runtime')).map((check) => check.id));
  if (isNeverWaived(checkId) || SELF_CERTIFYING.has(checkId) || fromRunning.has(checkId)) return false;
  return !EVIDENCE_CATEGORIES.some((category) => checkId.startsWith(category));
}
