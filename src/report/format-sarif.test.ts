import { describe, expect, it } from 'vitest';
import type { Finding } from '../verify/finding.js';
import type { ModuleReport } from '../verify/verify-module.js';
import { buildVerifyReport } from '../verify/verify-report.js';
import { formatSarifReport } from './format-sarif.js';

const finding = (checkId: string, line: number): Finding => ({ checkId, category: checkId.split('/')[0] as Finding['category'], severity: 'error', message: `${checkId} here`, line, hint: 'fix it' });

describe('formatSarifReport', () => {
  it('marks waived findings with suppressions and leaves out those outside a selection (not asked for, not dismissed)', () => {
    const module: ModuleReport = {
      path: 'svc.py', sha256: 'ab'.repeat(32), passed: false, durationMs: 1, findings: [finding('design/missing-method', 3)],
      summary: { errors: 1, warnings: 0, infos: 0 }, checks: [], syntax: { authority: 'cpython', pythonVersion: '3.12', fallbackReason: null },
      suppressed: [
        { ...finding('quality/placeholder', 5), suppressedBy: { kind: 'select', text: 'not in select [design/]' } },
        { ...finding('safety/eval', 7), suppressedBy: { kind: 'line', text: '# backsmith: ignore[safety/eval]', line: 7 } },
        { ...finding('deps/third-party-import', 1), suppressedBy: { kind: 'ignore', text: 'ignore deps/' } },
      ],
    };
    const [run] = JSON.parse(formatSarifReport(buildVerifyReport([module]))).runs;
    const results = run.results as Array<{ ruleId: string; suppressions?: unknown[] }>;
    expect(results.map((result) => [result.ruleId, result.suppressions ?? null])).toEqual([
      ['design/missing-method', null],
      ['safety/eval', [{ kind: 'inSource', justification: '# backsmith: ignore[safety/eval] (line 7)' }]],
      ['deps/third-party-import', [{ kind: 'external', justification: 'ignore deps/' }]],
    ]);
  });
});
