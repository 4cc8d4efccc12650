import type { SuppressedFinding } from '../verify/suppressions/apply-suppressions.js';

/** Suppressed findings in two kinds: those outside a selection, and those a reviewer should see as waived. */
export interface SplitSuppressed {
  /** Findings of checks outside `--select`/`checks.include`: not asked for, so not waivers. */
  outside: SuppressedFinding[];
  /** Findings waived by `ignore`, `checks.exclude` or a comment. */
  waived: SuppressedFinding[];
  /** "88 findings outside the selection (not in select [design/]) not shown", when there are any. */
  outsideSummary?: string;
}

/**
 * Splits suppressed findings into those outside a selection and those waived, since a selection is
 * not a waiver to review: every report counts the first kind in one line and lists the second.
 */
export function splitSuppressed(suppressed: readonly SuppressedFinding[] | undefined): SplitSuppressed {
  const outside = (suppressed ?? []).filter((finding) => finding.suppressedBy.kind === 'select');
  const waived = (suppressed ?? []).filter((finding) => finding.suppressedBy.kind !== 'select');
  if (outside.length === 0) return { outside, waived };
  const selections = [...new Set(outside.map((finding) => finding.suppressedBy.text))].join(', ');
  return { outside, waived, outsideSummary: `${outside.length} finding${outside.length === 1 ? '' : 's'} outside the selection (${selections}) not shown` };
}
