import type { Finding } from '../../verify/finding.js';
import { cssToken, escapeHtml } from './escape-html.js';

/** Classes a finding's elements carry, for the severity and category filters. */
export function findingClasses(finding: Finding): string {
  return `finding ${finding.severity} cat-${cssToken(finding.category)}`;
}

/** One finding as a block: severity, message, symbol, check id and fix hint. */
export function findingNote(finding: Finding): string {
  const symbol = finding.symbol ? ` <code>${escapeHtml(finding.symbol)}</code>` : '';
  return `<span class="badge ${finding.severity}">${finding.severity}</span> ${escapeHtml(finding.message)}${symbol} <span class="check-id">${escapeHtml(finding.checkId)}</span>` +
    `<div class="hint">fix: ${escapeHtml(finding.hint)}</div>`;
}

/** Anchor id of a source line of the module numbered `index` on the page. */
export function lineAnchor(index: number, line: number): string {
  return `m${index}-L${line}`;
}

/**
 * The module's source as a numbered listing with each finding shown under its line. Findings
 * past the last line go after it; the caller lists whole-module ones (line 0) separately.
 */
export function sourceListing(source: string, findings: Finding[], index: number): string {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  const byLine = new Map<number, Finding[]>();
  for (const finding of findings) {
    if (finding.line <= 0) continue;
    const line = Math.min(finding.line, lines.length);
    const here = byLine.get(line);
    if (here) here.push(finding);
    else byLine.set(line, [finding]);
  }
  const rows: string[] = [];
  for (let number = 1; number <= lines.length; number++) {
    const here = byLine.get(number);
    rows.push(`<tr id="${lineAnchor(index, number)}"${here ? ' class="has-finding"' : ''}><td class="ln">${number}</td><td class="code">${escapeHtml(lines[number - 1]!) || ' '}</td></tr>`);
    for (const finding of here ?? []) rows.push(`<tr class="${findingClasses(finding)}"><td class="ln"></td><td class="note">${findingNote(finding)}</td></tr>`);
  }
  return `<table class="source">${rows.join('\n')}</table>`;
}
