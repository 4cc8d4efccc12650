import type { SuppressedFinding } from '../verify/suppressions/apply-suppressions.js';

/** Suppressed findings listed one per line up to this many; the rest are counted. */
const MAX_LISTED = 20;

/** The human report's lines for waived findings: "3 findings suppressed: 2 by ignore safety/, 1 by ...", then each one. */
export function formatSuppressedLines(modulePath: string, suppressed: readonly SuppressedFinding[] | undefined): string[] {
  if (!suppressed || suppressed.length === 0) return [];
  const byReason = new Map<string, number>();
  for (const finding of suppressed) byReason.set(finding.suppressedBy.text, (byReason.get(finding.suppressedBy.text) ?? 0) + 1);
  const reasons = [...byReason].map(([text, count]) => `${count} by ${text}`).join(', ');
  const lines = [`${suppressed.length} finding${suppressed.length === 1 ? '' : 's'} suppressed: ${reasons}`];
  for (const finding of suppressed.slice(0, MAX_LISTED)) {
    const where = finding.line > 0 ? `${modulePath}:${finding.line}` : modulePath;
    lines.push(`  ${where}  ${finding.severity} ${finding.checkId}: ${finding.message}  (waived by ${finding.suppressedBy.text})`);
  }
  if (suppressed.length > MAX_LISTED) lines.push(`  … and ${suppressed.length - MAX_LISTED} more (see --json)`);
  return lines;
}
