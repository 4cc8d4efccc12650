import type { TypeChecker } from '../../../../types/type-checker.js';
import { groupByCause } from '../../../../types/type-causes.js';
import type { TypeCheckId, TypeFinding } from '../../../../types/type-finding.js';
import type { CheckReport } from '../../../check.js';
import type { CheckContext } from '../../../check-context.js';

/** What pyright said about one module text: its findings, or why it could not check it. */
export type TypeResults = { ok: true; findings: TypeFinding[] } | { ok: false; reason: string };

// Enough for a batch's look-ahead (see batch-types.ts) plus the module being verified.
const REMEMBERED_PER_CHECKER = 16;
const remembered = new WeakMap<object, Map<string, Promise<TypeResults>>>();

/**
 * pyright's findings on a module text, asked once per checker and text: the six `types/` checks
 * (and `verifyModule`, which starts the request before parsing) share one answer.
 */
export function typeResults(checker: Pick<TypeChecker, 'check'>, source: string, modulePath: string): Promise<TypeResults> {
  let byText = remembered.get(checker);
  if (!byText) remembered.set(checker, (byText = new Map()));
  const key = `${modulePath}\u0000${source}`;
  let results = byText.get(key);
  if (!results) {
    results = checker.check(source, modulePath).then(
      (findings): TypeResults => ({ ok: true, findings }),
      (error: Error): TypeResults => ({ ok: false, reason: error.message }),
    );
    byText.set(key, results);
    while (byText.size > REMEMBERED_PER_CHECKER) byText.delete(byText.keys().next().value!);
  }
  return results;
}

/** The type findings of the module under check, grouped by cause; empty when pyright could not check it. */
export async function typeFindings(context: CheckContext): Promise<TypeFinding[]> {
  if (!context.typeChecker) return [];
  const results = await typeResults(context.typeChecker, context.source, context.path);
  return results.ok ? groupByCause(results.findings, context.module) : [];
}

/** The reports of one `types/` check: pyright's findings its rules own, with pyright's message. */
export async function typeReports(context: CheckContext, checkId: TypeCheckId): Promise<CheckReport[]> {
  const findings = await typeFindings(context);
  return findings.filter((finding) => finding.checkId === checkId).map((finding) => ({
    message: finding.rule && finding.checkId === 'types/other' ? `${finding.message} (pyright ${finding.rule})` : finding.message,
    line: finding.line,
    column: finding.column,
    ...(finding.symbol ? { symbol: finding.symbol } : {}),
    ...(finding.hint ? { hint: finding.hint } : {}),
    ...(finding.severity !== 'error' ? { severity: finding.severity } : {}),
  }));
}
