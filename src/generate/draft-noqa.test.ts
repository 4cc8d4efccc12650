import { describe, expect, it } from 'vitest';
import { verifyModule } from '../verify/verify-module.js';
import { noqaBlocksDraft } from './draft-noqa.js';

const module = (line: string) => `"""Totals."""\n\n\nclass TotalsError(Exception):\n    """Bad totals."""\n\n\ndef total(values: list[int]) -> int:\n    """Adds the values."""\n    if not values:\n        ${line}\n    return sum(values)\n`;

describe('noqaBlocksDraft: a model\'s # noqa cannot hide an error', () => {
  const cases: Array<{ name: string; line: string; blocked: boolean }> = [
    { name: 'an undefined name hidden by # noqa: F821', line: 'return missing_default  # noqa: F821', blocked: true },
    { name: 'a bare # noqa', line: 'return missing_default  # noqa', blocked: true },
    { name: 'a # noqa hiding only a long line', line: 'return 0  # noqa: E501', blocked: true },
    { name: 'a # backsmith: ignore comment (waives nothing in a draft, stays a warning)', line: 'return 0  # backsmith: ignore[quality/lint]', blocked: false },
    { name: 'no comment', line: 'return 0', blocked: false },
  ];
  it.each(cases)('$name', async ({ line, blocked }) => {
    const code = module(line);
    const report = await verifyModule({ path: 'totals.py', source: code, noRun: true, draft: true });
    const graded = await noqaBlocksDraft(report, code);
    const suppression = graded.findings.filter((finding) => finding.checkId === 'quality/suppression-comment');
    if (!blocked) {
      expect(graded).toBe(report);
      return;
    }
    expect(suppression.map((finding) => [finding.severity, finding.line])).toEqual([['error', 11]]);
    expect(suppression[0]!.hint).toMatch(/^Remove the `# noqa` comment/);
    expect(graded.passed).toBe(false);
    expect(graded.summary.errors).toBe(graded.findings.filter((finding) => finding.severity === 'error').length);
    expect(graded.summary.warnings).toBe(graded.findings.filter((finding) => finding.severity === 'warning').length);
    expect(graded.findings[0]!.severity).toBe('error');
  });
});
