import type { SuppressedFinding } from '../verify/suppressions/apply-suppressions.js';
import { splitSuppressed } from './split-suppressed.js';

/** Suppressed findings listed one per line up to this many; the rest are counted. */
const MAX_LISTED = 20;

/**
 * The human report's lines for waived findings: findings outside a selection (`--select`,
 * `checks.include`) counted in one line, since a selection is not a waiver to review; then
 * "3 findings suppressed: 2 by ignore safety/, 1 by ...", and each one.
 */
export function formatSuppressedLines(modulePath: string, suppressed: readonly SuppressedFinding[] | undefined): string[] {
  const { waived, outsideSummary } = splitSuppressed(suppressed);
  const lines: string[] = outsideSummary ? [`${outsideSummary}; --json lists them`] : [];
  if (waived.length === 0) return lines;
  const byReason = new Map<string, number>();
  for (const finding of waived) byReason.set(finding.suppressedBy.text, (byReason.get(finding.suppressedBy.text) ?? 0) + 1);
  const reasons = [...byReason].map(([text, count]) => `${count} by ${text}`).join(', ');
  lines.push(`${waived.length} finding${waived.length === 1 ? '' : 's'} suppressed: ${reasons}`);
  for (const finding of waived.slice(0, MAX_LISTED)) {
    const where = finding.line > 0 ? `${modulePath}:${finding.line}` : modulePath;
    lines.push(`  ${where}  ${finding.severity} ${finding.checkId}: ${finding.message}  (waived by ${finding.suppressedBy.text})`);
  }
  if (waived.length > MAX_LISTED) lines.push(`  … and ${waived.length - MAX_LISTED} more (see --json)`);
  return lines;
}
