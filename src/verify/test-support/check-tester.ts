import { describe, expect, it } from 'vitest';
import { defaultConfig, type BacksmithConfig } from '../../config/config-schema.js';
import { buildCheckContext } from '../build-context.js';
import type { Check } from '../check.js';
import type { CheckContext } from '../check-context.js';
import type { Severity } from '../finding.js';

/** A finding a table row expects: its line, and optionally text its message contains. */
export interface ExpectedFinding {
  line: number;
  messageIncludes?: string;
  symbol?: string;
  /** The finding's severity: its own override, else the check's default. */
  severity?: Severity;
}

/** A snippet the check must flag, with the findings it must produce (all of them, in line order). */
export interface InvalidCase {
  name?: string;
  code: string;
  findings: ExpectedFinding[];
}

/** A check's table: code it must accept and code it must flag. */
export interface CheckTable {
  valid: Array<string | { name?: string; code: string }>;
  invalid: InvalidCase[];
  config?: Partial<BacksmithConfig>;
  /** Adds inputs (design, stories, runtime results) to the context before the check runs. */
  prepare?: (context: CheckContext) => CheckContext | Promise<CheckContext>;
}

function label(code: string, name?: string): string {
  return name ?? code.trim().split('\n').slice(0, 2).join(' ⏎ ').slice(0, 70);
}

async function runOn(check: Check, code: string, table: CheckTable) {
  const config = { ...defaultConfig(), ...table.config };
  let context = await buildCheckContext({ source: code, config });
  if (table.prepare) context = await table.prepare(context);
  return check.run(context);
}

/** Declares table-driven tests for one check (typescript-eslint's RuleTester, in small). */
export function testCheck(check: Check, table: CheckTable): void {
  describe(check.id, () => {
    for (const entry of table.valid) {
      const { code, name } = typeof entry === 'string' ? { code: entry, name: undefined } : entry;
      it(`accepts: ${label(code, name)}`, async () => {
        const reports = await runOn(check, code, table);
        expect(reports.map((report) => `${report.line}: ${report.message}`)).toEqual([]);
      });
    }
    for (const entry of table.invalid) {
      it(`flags: ${label(entry.code, entry.name)}`, async () => {
        const reports = [...(await runOn(check, entry.code, table))].sort((a, b) => a.line - b.line);
        expect(reports.map((report) => report.line), reports.map((report) => report.message).join('\n')).toEqual(entry.findings.map((finding) => finding.line));
        entry.findings.forEach((finding, index) => {
          const report = reports[index]!;
          if (finding.messageIncludes) expect(report.message).toContain(finding.messageIncludes);
          if (finding.symbol) expect(report.symbol).toBe(finding.symbol);
          if (finding.severity) expect(report.severity ?? check.severity, report.message).toBe(finding.severity);
        });
      });
    }
  });
}
