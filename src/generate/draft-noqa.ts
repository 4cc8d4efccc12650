import { readPythonModule } from '../python/read-module.js';
import { readSuppressionDirectives } from '../verify/suppressions/suppression-comments.js';
import type { ModuleReport } from '../verify/verify-module.js';

const SUPPRESSION_CHECK = 'quality/suppression-comment';

/**
 * A draft's report with its `# noqa` comments blocking delivery. Ruff drops the diagnostics a
 * `# noqa` names before backsmith sees them, so in a model's draft such a comment could hide an
 * error (`undefined_name  # noqa: F821`); the draft is held to the comment's removal, and the
 * repair prompt says so. `# backsmith: ignore[...]` comments waive nothing in drafts and stay warnings.
 */
export async function noqaBlocksDraft(report: ModuleReport, code: string): Promise<ModuleReport> {
  if (!report.findings.some((finding) => finding.checkId === SUPPRESSION_CHECK && finding.severity !== 'error')) return report;
  const noqaLines = new Set(readSuppressionDirectives(await readPythonModule(code)).filter((directive) => directive.kind === 'noqa').map((directive) => directive.line));
  let raised = 0;
  const findings = report.findings.map((finding) => {
    if (finding.checkId !== SUPPRESSION_CHECK || finding.severity === 'error' || !noqaLines.has(finding.line)) return finding;
    raised++;
    return {
      ...finding, severity: 'error' as const,
      message: `${finding.message} (an error in generated code: Ruff does not report what it hides, so it cannot be verified)`,
      hint: `Remove the \`# noqa\` comment and fix what Ruff then reports. ${finding.hint}`,
    };
  });
  if (raised === 0) return report;
  const count = (severity: string) => findings.filter((finding) => finding.severity === severity).length;
  const summary = { errors: count('error'), warnings: count('warning'), infos: count('info') };
  // Errors first, as the verifier orders them (the sort is stable).
  findings.sort((a, b) => Number(b.severity === 'error') - Number(a.severity === 'error'));
  return { ...report, findings, summary, passed: false };
}
