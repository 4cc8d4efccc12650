import path from 'node:path';
import type { Finding, Severity } from '../verify/finding.js';
import { ALL_CHECKS } from '../verify/registry.js';
import type { VerifyReport } from '../verify/verify-report.js';
import type { SuppressionReason } from '../verify/suppressions/apply-suppressions.js';
import { splitSuppressed } from './split-suppressed.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SARIF_LEVELS: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
const INFORMATION_URI = 'https://www.npmjs.com/package/backsmith';

/** A module path as a relative, forward-slash URI, as GitHub code scanning expects. */
function artifactUri(modulePath: string): string {
  const relative = path.isAbsolute(modulePath) ? path.relative(process.cwd(), modulePath) : modulePath;
  return relative.split(path.sep).join('/');
}

function sarifSuppression(reason: SuppressionReason): { kind: 'inSource' | 'external'; justification: string } {
  const inSource = reason.kind === 'line' || reason.kind === 'file' || reason.kind === 'noqa' || reason.kind === 'type-ignore';
  return { kind: inSource ? 'inSource' : 'external', justification: `${reason.text}${reason.line ? ` (line ${reason.line})` : ''}` };
}

/**
 * The verify report as SARIF 2.1.0: one run, every registered check as a rule (with its
 * description and fix hint), every finding as a result located at file:line.
 */
export function formatSarifReport(report: VerifyReport): string {
  const rules = ALL_CHECKS.map((check) => ({
    id: check.id,
    name: check.id.replace(/[/-](\w)/g, (_match, letter: string) => letter.toUpperCase()),
    shortDescription: { text: check.description },
    help: { text: check.fixHint },
    defaultConfiguration: { level: SARIF_LEVELS[check.severity] },
    properties: { category: check.category },
  }));
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const results = report.modules.flatMap((module) =>
    // Findings outside a selection were not asked for: left out, as a waiver would be a dismissed alert to review.
    [...module.findings, ...splitSuppressed(module.suppressed).waived].map((finding: Finding & { suppressedBy?: SuppressionReason }) => ({
      ruleId: finding.checkId,
      ...(ruleIndex.has(finding.checkId) ? { ruleIndex: ruleIndex.get(finding.checkId) } : {}),
      level: SARIF_LEVELS[finding.severity],
      message: { text: `${finding.message}\nFix: ${finding.hint}` },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: artifactUri(finding.file ?? module.path) },
            region: { startLine: Math.max(1, finding.line), ...(finding.column ? { startColumn: finding.column } : {}) },
          },
          ...(finding.symbol ? { logicalLocations: [{ fullyQualifiedName: finding.symbol }] } : {}),
        },
      ],
      partialFingerprints: { 'backsmith/v1': `${finding.checkId}:${finding.symbol ?? ''}:${finding.message}` },
      // SARIF's own way to show a waived result: in-source for comments, external for ignore and checks.exclude.
      ...(finding.suppressedBy ? { suppressions: [sarifSuppression(finding.suppressedBy)] } : {}),
    })),
  );
  const sarif = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'backsmith', version: report.tool.version, informationUri: INFORMATION_URI, rules } },
        results,
        artifacts: report.modules.map((module) => ({ location: { uri: artifactUri(module.path) }, hashes: { 'sha-256': module.sha256 } })),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
