import type { Finding } from '../verify/finding.js';
import { isTypeNameCause } from '../types/type-repair.js';
import { ruffCode } from './model-hint.js';

/** Kinds of problem, causes first: a repair prompt lists them in this order. */
export type CauseKind = 'syntax-imports' | 'undefined-names' | 'design' | 'contract-stories' | 'other' | 'tests';

/** Cause kinds in the order a model should fix them, with the heading each group gets. */
export const CAUSE_ORDER: readonly { kind: CauseKind; heading: string }[] = [
  { kind: 'syntax-imports', heading: 'Syntax and imports (fix these first: nothing else can be checked properly until they are right)' },
  { kind: 'undefined-names', heading: 'Undefined or clashing names' },
  { kind: 'design', heading: 'Design: classes, methods, signatures and exceptions the design requires' },
  { kind: 'contract-stories', heading: 'Contract, error handling and user-story messages' },
  { kind: 'other', heading: 'Other problems' },
  { kind: 'tests', heading: 'Failing acceptance tests (most follow from the problems above; fix those first, then check each criterion)' },
];

const SYNTAX_RUFF = new Set(['E999', 'invalid-syntax']);
const NAME_RUFF = new Set(['F821', 'F822', 'F823', 'F811']);

/** The kind of cause a finding is, by its check and (for Ruff findings) its rule. */
export function causeKind(finding: Pick<Finding, 'checkId' | 'category' | 'message'>): CauseKind {
  const { checkId, category } = finding;
  if (category === 'syntax' || category === 'format' || category === 'deps' || checkId === 'runtime/import-error') return 'syntax-imports';
  if (checkId === 'quality/lint') {
    const code = ruffCode(finding.message) ?? '';
    if (SYNTAX_RUFF.has(code)) return 'syntax-imports';
    if (NAME_RUFF.has(code)) return 'undefined-names';
    return 'other';
  }
  if (category === 'design') return 'design';
  // A field shadowed by a method (one finding listing the errors it causes) is a clashing name.
  if (category === 'types') return isTypeNameCause(finding) ? 'undefined-names' : 'other';
  if (category === 'contract' || category === 'errors' || category === 'stories') return 'contract-stories';
  if (category === 'tests') {
    // A test file that cannot load is about imports (a missing name), not a failed criterion.
    return finding.message.startsWith('Could not load') ? 'syntax-imports' : 'tests';
  }
  return 'other';
}

/**
 * The acceptance criterion a test name encodes (`test_us003_ac2_rejects_past_dates` → `US-003 AC2`),
 * or null when the name follows no such pattern.
 */
export function criterionOf(testName: string | undefined): string | null {
  if (!testName) return null;
  const match = /(?:^|_)us_?(\d+)_ac_?(\d+)(?:_|$)/i.exec(testName.split(/[.:]/).at(-1) ?? testName);
  return match ? `US-${match[1]!.padStart(3, '0')} AC${Number(match[2])}` : null;
}
