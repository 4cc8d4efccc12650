import type { PythonModule } from '../python/python-model.js';
import { readPythonModule } from '../python/read-module.js';
import { readSuppressionDirectives } from '../verify/suppressions/suppression-comments.js';
import type { Finding } from '../verify/finding.js';
import type { ModuleReport } from '../verify/verify-module.js';

const SUPPRESSION_CHECK = 'quality/suppression-comment';
const NOT_VERIFIABLE = 'an error in generated code: the tool drops what it names before backsmith sees it, so it cannot be verified';

const DELIVERED_WAIVER = 'delivered with the module, it would waive these findings in every later `backsmith verify` of it';

/** Comments of a draft that make a tool drop findings (`# noqa`, `# type: ignore`, `# pyright: ignore`) or would once delivered (`# backsmith:`), by line. */
function waiverLines(module: PythonModule): { noqa: Set<number>; types: Map<number, string>; backsmith: Set<number> } {
  const noqa = new Set<number>();
  const types = new Map<number, string>();
  const backsmith = new Set<number>();
  for (const directive of readSuppressionDirectives(module)) {
    if (directive.kind === 'noqa') noqa.add(directive.line);
    if (directive.kind === 'line' || directive.kind === 'file') backsmith.add(directive.line);
    if (directive.kind === 'type-ignore' && !types.has(directive.line)) types.set(directive.line, directive.text);
  }
  return { noqa, types, backsmith };
}

/**
 * A draft's report with the comments by which it could hide its own errors blocking delivery. Ruff
 * drops the diagnostics a `# noqa` names, and pyright the type errors on a `# type: ignore` or
 * `# pyright: ignore` line, before backsmith sees them: in a model's draft such a comment could hide
 * an error (`undefined_name  # noqa: F821`, `count: int = "0"  # type: ignore`), so the draft is held
 * to its removal, and the repair prompt says so. `# backsmith: ignore[...]` comments waive nothing in
 * drafts, but the delivered file would carry them into every later `backsmith verify` (a CI run),
 * so they block delivery too.
 */
export async function blockDraftWaivers(report: ModuleReport, code: string): Promise<ModuleReport> {
  const mayWaive = report.findings.some((finding) => finding.checkId === SUPPRESSION_CHECK) || /\b(type|pyright):\s*ignore\b/.test(code);
  if (!mayWaive) return report;
  const { noqa, types, backsmith } = waiverLines(await readPythonModule(code));
  let raised = 0;
  const findings: Finding[] = report.findings.map((finding) => {
    if (finding.checkId !== SUPPRESSION_CHECK || finding.severity === 'error') return finding;
    if (noqa.has(finding.line)) {
      raised++;
      return { ...finding, severity: 'error', message: `${finding.message} (${NOT_VERIFIABLE})`, hint: `Remove the \`# noqa\` comment and fix what Ruff then reports. ${finding.hint}` };
    }
    if (!backsmith.has(finding.line)) return finding;
    raised++;
    return { ...finding, severity: 'error', message: `${finding.message} (${DELIVERED_WAIVER})`, hint: 'Remove the `# backsmith:` comment and fix the finding it names, if any; generated code may not waive its own findings.' };
  });
  // Unless the check is turned off or left out of the selection (then it ran no part of this either).
  const checked = report.checks.some((check) => check.id === SUPPRESSION_CHECK && check.status !== 'skipped');
  for (const [line, text] of checked ? types : []) {
    raised++;
    findings.push({
      checkId: SUPPRESSION_CHECK, category: 'quality', severity: 'error', line,
      message: `\`${text}\` in generated code: pyright drops the type errors of this line (${NOT_VERIFIABLE})`,
      hint: 'Remove the comment and make the code agree with its annotations: convert the value, narrow its type with a check, or correct the annotation.',
    });
  }
  if (raised === 0) return report;
  // Errors first, then by line, as the verifier orders them.
  const order = { error: 0, warning: 1, info: 2 } as const;
  findings.sort((a, b) => order[a.severity] - order[b.severity] || a.line - b.line);
  const count = (severity: Finding['severity']) => findings.filter((finding) => finding.severity === severity).length;
  const checks = report.checks.map((check) => (check.id === SUPPRESSION_CHECK && check.status === 'passed' ? { ...check, status: 'failed' as const } : check));
  return { ...report, findings, checks, summary: { errors: count('error'), warnings: count('warning'), infos: count('info') }, passed: false };
}
