import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildCheckContext } from '../../build-context.js';
import { formatChecks } from '../format/index.js';
import { qualityChecks } from './index.js';

const REPOSITORY = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const SHARED = path.resolve(REPOSITORY, '../shared');
const REFERENCE_MODULES = [
  'examples/library_lending/library_lending_service.py',
  'examples/expense_splitter/expense_splitter_ledger.py',
];
/** Warnings tolerated on a well-written module: one pyupgrade nudge (UP035) at most. */
const MAX_WARNINGS = 1;

describe('format/ and quality/ checks on the reference modules', () => {
  for (const relative of REFERENCE_MODULES) {
    it.skipIf(!existsSync(SHARED))(`report no errors on ${path.basename(relative)}`, async () => {
      const file = path.join(SHARED, relative);
      const context = await buildCheckContext({ source: readFileSync(file, 'utf8'), path: file });
      expect(context.syntax.ok).toBe(true);
      const findings = [];
      for (const check of [...formatChecks, ...qualityChecks]) {
        for (const report of await check.run(context)) findings.push({ id: check.id, severity: report.severity ?? check.severity, line: report.line, message: report.message });
      }
      const warnings = findings.filter((finding) => finding.severity !== 'error');
      if (warnings.length > 0) console.log(`${path.basename(relative)} warnings:\n${warnings.map((finding) => `  ${finding.id}:${finding.line} ${finding.message}`).join('\n')}`);
      expect(findings.filter((finding) => finding.severity === 'error')).toEqual([]);
      expect(warnings.length).toBeLessThanOrEqual(MAX_WARNINGS);
    });
  }
});
