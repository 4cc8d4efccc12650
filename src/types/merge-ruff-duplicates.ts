import type { Finding } from '../verify/finding.js';

function isRuff(finding: Finding, code: string): boolean {
  return finding.checkId === 'quality/lint' && finding.message.startsWith(`${code} `);
}

/**
 * One mistake is one finding: where pyright's finding is reported, Ruff's report of the same
 * mistake (`quality/lint`) is dropped and the type finding kept, for its more specific hint:
 * F821 at the place of `types/undefined-name`, and F811 (a redefinition) on the line where
 * `types/attribute-access` names a field shadowed by a method. Without types (skipped or off),
 * Ruff's findings stay.
 */
export function mergeRuffDuplicates(findings: Finding[]): Finding[] {
  const undefinedAt = new Set(findings.filter((finding) => finding.checkId === 'types/undefined-name').map((finding) => `${finding.line}:${finding.column}`));
  const shadowedAt = new Set(findings.filter((finding) => finding.checkId === 'types/attribute-access' && finding.symbol !== undefined).map((finding) => finding.line));
  if (undefinedAt.size === 0 && shadowedAt.size === 0) return findings;
  return findings.filter((finding) => !(
    (isRuff(finding, 'F821') && undefinedAt.has(`${finding.line}:${finding.column}`)) || (isRuff(finding, 'F811') && shadowedAt.has(finding.line))
  ));
}
