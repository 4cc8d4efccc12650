import type { Finding } from '../verify/finding.js';

/** Opening of the message of a finding that names a field shadowed by a method (see type-causes.ts). */
export const SHADOWED_FIELD_OPENING = 'field `';

/**
 * Whether a type finding is a cause the repair prompt lists with the undefined and clashing
 * names (before the symptoms): an undefined name, or a field shadowed by a method, whose message
 * already lists the lines of the errors it causes.
 */
export function isTypeNameCause(finding: Pick<Finding, 'checkId' | 'message'>): boolean {
  return finding.checkId === 'types/undefined-name' || (finding.checkId === 'types/attribute-access' && finding.message.startsWith(SHADOWED_FIELD_OPENING));
}
