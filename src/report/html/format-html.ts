import { formatSandboxLines } from '../../sandbox/format-sandbox.js';
import type { SpecChecklist } from '../../prompt/spec-checklist.js';
import { SEVERITY_ORDER, type Finding, type Severity } from '../../verify/finding.js';
import type { ModuleReport } from '../../verify/verify-module.js';
import type { VerifyReport } from '../../verify/verify-report.js';
import { splitSuppressed } from '../split-suppressed.js';
import { checklistStatus } from './checklist-status.js';
import { cssToken, escapeHtml } from './escape-html.js';
import { findingClasses, findingNote, lineAnchor, sourceListing } from './html-source.js';
import { pageStyle } from './html-style.js';

/** What the page shows besides the report: each module's text and the design checklist. */
export interface HtmlReportExtras {
  /** Module text by report path; a module without text is shown without its listing (and says so). */
  sources: ReadonlyMap<string, string>;
  /** The design checklist (`checklistFromSpec`), per module path or one for all; absent without a design. */
  checklist?: SpecChecklist | ReadonlyMap<string, SpecChecklist>;
  /** Page title; default `backsmith report`. */
  title?: string;
  generatedAt?: Date;
}

const SEVERITIES = Object.keys(SEVERITY_ORDER) as Severity[];
const MARKS = { met: '✔', unmet: '✘', unchecked: '–' } as const;

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Findings that are not at a line of the module: whole-module ones and those about another file (a test file). */
function elsewhere(finding: Finding, modulePath: string): boolean {
  return finding.line <= 0 || (finding.file !== undefined && finding.file !== modulePath);
}

function findingsTable(module: ModuleReport, index: number, hasSource: boolean): string {
  if (module.findings.length === 0) return '<p class="met">No findings.</p>';
  const rows = module.findings.map((finding) => {
    const { file } = finding;
    const where = finding.line > 0
      ? (hasSource && !elsewhere(finding, module.path) ? `<a href="#${lineAnchor(index, finding.line)}">line ${finding.line}</a>` : `${file ? `${escapeHtml(file)}:` : ''}line ${finding.line}`)
      : 'module';
    return `<tr class="${findingClasses(finding)}"><td>${where}</td><td>${findingNote(finding)}</td></tr>`;
  });
  return `<table class="findings"><tr><th>Where</th><th>Finding</th></tr>${rows.join('\n')}</table>`;
}

function checklistSection(checklist: SpecChecklist | undefined, module: ModuleReport): string {
  if (!checklist) return '<h3>Design checklist</h3><p class="unchecked">No design or stories were given: nothing to check against.</p>';
  const items = checklistStatus(checklist, module);
  if (items.length === 0) return '<h3>Design checklist</h3><p class="unchecked">The design and stories state nothing checkable.</p>';
  const met = items.filter((item) => item.status === 'met').length;
  // What needs doing first: unmet items, then those not checked, then the met ones, each in document order.
  const order = { unmet: 0, unchecked: 1, met: 2 };
  const rows = [...items].sort((a, b) => order[a.status] - order[b.status]).map((item) => {
    const why = item.findings.map((finding) => escapeHtml(finding.checkId)).join(', ');
    return `<tr><td class="${item.status}" title="${item.status}">${MARKS[item.status]}</td><td>${escapeHtml(item.group)}</td><td><code>${escapeHtml(item.text)}</code>${why ? ` <span class="check-id">${why}</span>` : ''}</td></tr>`;
  });
  return `<details open><summary><h3>Design checklist (${met} of ${items.length} met)</h3></summary><table class="checklist"><tr><th></th><th>Kind</th><th>Item</th></tr>${rows.join('\n')}</table></details>`;
}

function traceabilitySection(module: ModuleReport): string {
  const rows = module.traceability;
  if (!rows || rows.length === 0) return '';
  const body = rows.map((row) => {
    const tests = row.tests.length > 0 ? row.tests.map((test) => `<code>${escapeHtml(test)}</code>`).join('<br>') : '—';
    const outcome = row.outcome === 'error' ? 'error-outcome' : cssToken(row.outcome);
    return `<tr><td>${escapeHtml(row.storyId)}</td><td>${escapeHtml(row.criterionId)}</td><td>${escapeHtml(row.criterionText)}</td><td>${tests}</td><td class="${outcome}">${escapeHtml(row.outcome)}</td></tr>`;
  });
  return `<h3>Stories → criteria → tests</h3><table class="traceability"><tr><th>Story</th><th>Criterion</th><th>Says</th><th>Tests</th><th>Outcome</th></tr>${body.join('\n')}</table>`;
}

function runSection(module: ModuleReport): string {
  const lines = module.sandbox ? formatSandboxLines(module.sandbox) : ['The module was not run (no sandbox stage).'];
  const skipped = module.checks.filter((check) => check.status === 'skipped');
  if (skipped.length > 0) lines.push(`${plural(skipped.length, 'check')} skipped: ${skipped.map((check) => `${check.id} (${check.reason ?? 'skipped'})`).join(', ')}`);
  // Findings outside a selection were not asked for: counted apart, never listed as waived.
  const { waived, outsideSummary } = splitSuppressed(module.suppressed);
  if (waived.length > 0) lines.push(`${plural(waived.length, 'finding')} waived: ${waived.map((finding) => `${finding.checkId} by ${finding.suppressedBy.text}`).join(', ')}`);
  if (outsideSummary) lines.push(`${outsideSummary} (the JSON report lists them)`);
  // A module that was not verified (unreadable, or backsmith failed on it) had no syntax judged: its finding says why.
  if (module.syntax.authority === 'tree-sitter' && module.checks.length > 0) lines.push(`Syntax judged by tree-sitter: ${module.syntax.fallbackReason ?? ''}`);
  return `<h3>Sandbox and checks</h3><ul class="plain">${lines.map((line) => `<li>${escapeHtml(line.trim())}</li>`).join('\n')}</ul>`;
}

function moduleSection(module: ModuleReport, index: number, extras: HtmlReportExtras): string {
  const source = extras.sources.get(module.path);
  const checklist = extras.checklist instanceof Map ? extras.checklist.get(module.path) : (extras.checklist as SpecChecklist | undefined);
  const { errors, warnings, infos } = module.summary;
  const listing = source === undefined
    ? '<p class="unchecked">The module\'s text is not available: findings are listed above only.</p>'
    : sourceListing(source, module.findings.filter((finding) => !elsewhere(finding, module.path)), index);
  return `<section class="module" id="module-${index}"><h2><span class="badge ${module.passed ? 'pass' : 'error'}">${module.passed ? 'PASS' : 'FAIL'}</span> ${escapeHtml(module.path)}</h2>
<p>${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'note')} · sha256 <code>${escapeHtml(module.sha256.slice(0, 12))}</code> · ${module.durationMs} ms</p>
<h3>Findings</h3>${findingsTable(module, index, source !== undefined)}
${checklistSection(checklist, module)}
${traceabilitySection(module)}
${runSection(module)}
<details open><summary><h3>Source</h3></summary>${listing}</details></section>`;
}

/**
 * The verify report as one self-contained HTML page: verdict, severity and category filters (CSS
 * only, no script), per module its findings, the design checklist with ✔/✘, the story → test
 * table, the sandbox summary and the source with each finding at its line. Nothing is loaded
 * from anywhere: no script, no external URL, and a policy that forbids fetching.
 */
export function formatHtmlReport(report: VerifyReport, extras: HtmlReportExtras): string {
  const findings = report.modules.flatMap((module) => module.findings);
  const categories = [...new Set(findings.map((finding) => finding.category))].sort();
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const warnings = findings.filter((finding) => finding.severity === 'warning').length;
  const verdict = report.passed ? `✔ ${plural(report.modules.length, 'module')} verified` : `✘ ${report.modules.filter((module) => !module.passed).length} of ${plural(report.modules.length, 'module')} failed`;
  const title = extras.title ?? 'backsmith report';
  const toggles = [...SEVERITIES.map((severity) => `show-${severity}`), ...categories.map((category) => `show-cat-${cssToken(category)}`)]
    .map((id) => `<input type="checkbox" class="toggle" id="${id}" checked>`).join('');
  const severityLabels = SEVERITIES.map((severity) => `<label for="show-${severity}">${severity} (${findings.filter((finding) => finding.severity === severity).length})</label>`);
  const categoryLabels = categories.map((category) => `<label for="show-cat-${cssToken(category)}">${escapeHtml(category)} (${findings.filter((finding) => finding.category === category).length})</label>`);
  const skipped = report.skipped && report.skipped.length > 0
    ? `<p>Not verified: ${report.skipped.map((entry) => `${escapeHtml(entry.path)} (${escapeHtml(entry.reason)})`).join(', ')}</p>` : '';
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${pageStyle(categories)}</style></head>
<body><header class="verdict ${report.passed ? 'pass' : 'fail'}"><h1>${escapeHtml(verdict)}</h1>
<div>${plural(errors, 'error')}, ${plural(warnings, 'warning')} · ${escapeHtml(report.tool.name)} ${escapeHtml(report.tool.version)}${extras.generatedAt ? ` · ${escapeHtml(extras.generatedAt.toISOString())}` : ''}</div></header>
${toggles}
<nav class="filters">Show: ${severityLabels.join(' ')} <span class="check-id">|</span> ${categoryLabels.join(' ')}</nav>
<main>${skipped}${report.modules.map((module, index) => moduleSection(module, index, extras)).join('\n')}</main>
</body></html>
`;
}
