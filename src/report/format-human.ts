import { formatSandboxLines } from '../sandbox/format-sandbox.js';
import type { Finding, Severity } from '../verify/finding.js';
import type { ModuleReport } from '../verify/verify-module.js';
import type { VerifyReport } from '../verify/verify-report.js';
import { createColours, type Colours } from './colour.js';
import { escapeTerminal } from './escape-terminal.js';
import { formatSuppressedLines } from './format-suppressed.js';
import { formatTraceabilityLines } from './format-traceability.js';

const SEVERITY_TITLES: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', info: 'Notes' };
const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
const SEVERITY_COLOURS: Record<Severity, (colours: Colours) => (text: string) => string> = {
  error: (colours) => colours.red, warning: (colours) => colours.yellow, info: (colours) => colours.blue,
};

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

// Messages may quote the module's exceptions and test output: escaped, so they cannot hide the verdict.
function formatFinding(modulePath: string, finding: Finding, colours: Colours): string {
  // A finding in a test file (`tests/` checks of --tests files) points into that file.
  const file = finding.file ?? modulePath;
  const where = finding.line > 0 ? `${file}:${finding.line}${finding.column ? `:${finding.column}` : ''}` : file;
  const symbol = finding.symbol ? ` [${escapeTerminal(finding.symbol)}]` : '';
  return `  ${colours.bold(escapeTerminal(where))}  ${escapeTerminal(finding.message)}${symbol}  ${colours.dim(`(${finding.checkId})`)}\n      ${colours.dim('fix:')} ${escapeTerminal(finding.hint)}`;
}

function formatModule(module: ModuleReport, colours: Colours): string {
  const lines = [`${module.passed ? colours.green(colours.bold('PASS')) : colours.red(colours.bold('FAIL'))} ${escapeTerminal(module.path)}`];
  for (const severity of SEVERITIES) {
    const findings = module.findings.filter((finding) => finding.severity === severity);
    if (findings.length === 0) continue;
    lines.push(SEVERITY_COLOURS[severity](colours)(`${SEVERITY_TITLES[severity]} (${findings.length}):`));
    for (const finding of findings) lines.push(formatFinding(module.path, finding, colours));
  }
  lines.push(...formatSuppressedLines(module.path, module.suppressed));
  const skipped = module.checks.filter((check) => check.status === 'skipped');
  if (skipped.length > 0) {
    const reasons = new Map<string, string[]>();
    for (const check of skipped) reasons.set(check.reason ?? 'skipped', [...(reasons.get(check.reason ?? 'skipped') ?? []), check.id]);
    lines.push(`Skipped ${plural(skipped.length, 'check')}:`);
    for (const [reason, ids] of reasons) lines.push(`  ${escapeTerminal(reason)}: ${ids.join(', ')}`);
  }
  // A module that was not verified (unreadable, or backsmith failed on it) had no syntax judged: its finding says why.
  if (module.syntax.authority === 'tree-sitter' && module.checks.length > 0) lines.push(`Syntax judged by tree-sitter: ${module.syntax.fallbackReason ?? ''}`);
  if (module.sandbox) lines.push(...formatSandboxLines(module.sandbox, { withNote: false }).map(escapeTerminal));
  if (module.traceability) lines.push(...formatTraceabilityLines(module.traceability).map(escapeTerminal));
  return lines.join('\n');
}

/** The verify report for people: findings grouped by severity, then a one-line verdict; ANSI colour when `colour` is set. */
export function formatHumanReport(report: VerifyReport, options: { colour?: boolean } = {}): string {
  const colours = createColours(options.colour ?? false);
  const sections = report.modules.map((module) => formatModule(module, colours));
  const errors = report.modules.reduce((sum, module) => sum + module.summary.errors, 0);
  const warnings = report.modules.reduce((sum, module) => sum + module.summary.warnings, 0);
  const failed = report.modules.filter((module) => !module.passed).length;
  const verdict = report.passed
    ? `✔ ${plural(report.modules.length, 'module')} verified: no errors, ${plural(warnings, 'warning')}.`
    : `✖ ${failed} of ${plural(report.modules.length, 'module')} failed: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}.`;
  const skipped = report.skipped && report.skipped.length > 0
    ? `\n\nSkipped ${plural(report.skipped.length, 'entry').replace(/entrys$/, 'entries')}: ${report.skipped.map((entry) => `${entry.reason} ${entry.path}`).join(', ')}`
    : '';
  // The interpreter note (e.g. a pyenv build the sandbox user cannot read) is the same for every module: said once.
  const notes = [...new Set(report.modules.map((module) => module.sandbox?.interpreter?.note).filter((note): note is string => Boolean(note)))];
  const noteLines = notes.map((note) => `\n\nSandbox note: ${escapeTerminal(note)}`).join('');
  return `${sections.join('\n\n')}${skipped}${noteLines}\n\n${colours.bold(report.passed ? colours.green(verdict) : colours.red(verdict))}\n`;
}
