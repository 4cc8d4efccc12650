import type { CheckRequirement } from '../check.js';
import { ALL_CHECKS } from '../registry.js';
import { matchesSelector } from './check-selectors.js';

/**
 * Why a selection (`--select`, `checks.include`) would run no check at all, or null when some
 * selected check can run: every check it names needs an input this run lacks (`gaps`: why each
 * requirement is unmet, e.g. `{ design: 'no --design given' }`) or is turned off. Such a run
 * would pass having checked nothing, so callers refuse it as a usage error.
 */
export function selectionRunsNothing(selectors: readonly string[], gaps: Partial<Record<CheckRequirement, string>>, turnedOff: ReadonlySet<string> = new Set()): string | null {
  if (selectors.length === 0) return null;
  const selected = ALL_CHECKS.filter((check) => selectors.some((selector) => matchesSelector(check.id, selector)));
  const reasons = new Set<string>();
  for (const check of selected) {
    const gap = turnedOff.has(check.id) ? 'turned off in configuration' : (check.requires ?? []).map((requirement) => gaps[requirement]).find(Boolean);
    if (!gap) return null;
    reasons.add(gap);
  }
  return [...reasons].join('; ');
}
