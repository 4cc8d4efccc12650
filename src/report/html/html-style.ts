import { SEVERITY_ORDER, type Severity } from '../../verify/finding.js';
import { cssToken } from './escape-html.js';

const BASE = `
:root { color-scheme: light; --error: #b3261e; --warning: #8a5a00; --info: #1d5fa6; --ok: #1e7a34; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1b1b1f; background: #f6f6f8; }
header.verdict { padding: 16px 24px; color: #fff; }
header.verdict.pass { background: var(--ok); }
header.verdict.fail { background: var(--error); }
header.verdict h1 { margin: 0 0 4px; font-size: 22px; }
main { padding: 8px 24px 40px; }
section.module { background: #fff; border: 1px solid #d9d9de; border-radius: 6px; margin: 16px 0; padding: 12px 16px; }
h2 { font-size: 18px; margin: 4px 0 8px; } h3 { font-size: 15px; margin: 16px 0 6px; }
.filters { position: sticky; top: 0; z-index: 2; background: #ececf1; padding: 8px 24px; border-bottom: 1px solid #d9d9de; }
.filters label { display: inline-block; margin: 2px 10px 2px 0; cursor: pointer; white-space: nowrap; }
.filters label::before { content: "☑ "; } .toggle { position: absolute; left: -9999px; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 3px 8px; border-bottom: 1px solid #ececf1; }
table.findings td:first-child, table.checklist td:first-child { white-space: nowrap; }
.badge { display: inline-block; padding: 0 6px; border-radius: 3px; color: #fff; font-size: 12px; font-weight: 600; }
.badge.error { background: var(--error); } .badge.pass { background: var(--ok); } .badge.warning { background: var(--warning); } .badge.info { background: var(--info); }
.met { color: var(--ok); } .unmet { color: var(--error); } .unchecked { color: #6b6b76; }
.passed { color: var(--ok); } .failed, .error-outcome { color: var(--error); } .not-run, .no-test { color: #6b6b76; }
table.source { font: 12.5px/1.4 ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; }
table.source td { border: 0; padding: 0 8px; }
table.source td.ln { width: 1%; text-align: right; color: #8b8b96; user-select: none; }
table.source td.code { white-space: pre-wrap; word-break: break-word; }
table.source tr.has-finding td.code { background: #fff4e5; }
table.source tr:target td { background: #fff59d; }
tr.finding td.note { padding: 4px 8px 6px 24px; font-family: system-ui, sans-serif; white-space: normal; border-left: 4px solid; }
tr.finding.error td.note { border-color: var(--error); background: #fdecea; }
tr.finding.warning td.note { border-color: var(--warning); background: #fff8e1; }
tr.finding.info td.note { border-color: var(--info); background: #e8f1fb; }
.hint { color: #44444c; } .check-id { color: #6b6b76; font-family: ui-monospace, monospace; font-size: 12px; }
summary { cursor: pointer; } summary h3 { display: inline-block; }
ul.plain { margin: 4px 0; padding-left: 18px; }
`;

/**
 * The page's style sheet: the base look plus one rule per severity and category filter. The
 * filters are checkboxes placed before `main`; unticking one hides its findings with CSS alone,
 * so the page works without JavaScript.
 */
export function pageStyle(categories: string[]): string {
  const severities = (Object.keys(SEVERITY_ORDER) as Severity[]).map((severity) =>
    `#show-${severity}:not(:checked) ~ main .finding.${severity} { display: none; }\n#show-${severity}:not(:checked) ~ .filters label[for="show-${severity}"]::before { content: "☐ "; }`);
  const groups = categories.map((category) => {
    const token = cssToken(category);
    return `#show-cat-${token}:not(:checked) ~ main .finding.cat-${token} { display: none; }\n#show-cat-${token}:not(:checked) ~ .filters label[for="show-cat-${token}"]::before { content: "☐ "; }`;
  });
  return `${BASE}${severities.join('\n')}\n${groups.join('\n')}\n`;
}
