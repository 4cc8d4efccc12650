import type { Finding } from '../verify/finding.js';

/**
 * One undefined name is one finding: Ruff's F821 (`quality/lint`) at the place where
 * `types/undefined-name` reports pyright's finding is dropped, the type finding kept (it has the
 * more specific hint). Without types (skipped or off), Ruff's finding stays.
 */
export function mergeUndefinedNames(findings: Finding[]): Finding[] {
  const places = new Set(findings.filter((finding) => finding.checkId === 'types/undefined-name').map((finding) => `${finding.line}:${finding.column}`));
  if (places.size === 0) return findings;
  return findings.filter((finding) => !(finding.checkId === 'quality/lint' && finding.message.startsWith('F821 ') && places.has(`${finding.line}:${finding.column}`)));
}
