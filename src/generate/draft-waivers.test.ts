import { describe, expect, it } from 'vitest';
import { verifyModule } from '../verify/verify-module.js';
import { blockDraftWaivers } from './draft-waivers.js';

const module = (line: string) => `"""Totals."""\n\n\nclass TotalsError(Exception):\n    """Bad totals."""\n\n\ndef total(values: list[int]) -> int:\n    """Adds the values."""\n    if not values:\n        ${line}\n    return sum(values)\n`;

describe('blockDraftWaivers: a model\'s comments cannot make a tool drop its errors', () => {
  const cases: Array<{ name: string; line: string; blocked: string | null }> = [
    { name: 'an undefined name hidden by # noqa: F821', line: 'return missing_default  # noqa: F821', blocked: '`# noqa: F821` in generated code' },
    { name: 'a bare # noqa', line: 'return missing_default  # noqa', blocked: '`# noqa` in generated code' },
    { name: 'a # noqa hiding only a long line', line: 'return 0  # noqa: E501', blocked: '`# noqa: E501` in generated code' },
    { name: 'a # type: ignore', line: 'return "0"  # type: ignore', blocked: '`# type: ignore` in generated code: pyright drops the type errors of this line' },
    { name: 'a # pyright: ignore with a rule', line: 'return "0"  # pyright: ignore[reportReturnType]', blocked: '`# pyright: ignore[reportReturnType]` in generated code' },
    { name: 'a # backsmith: ignore comment (waives nothing in a draft, but would in every later verify of the delivered file)', line: 'return 0  # backsmith: ignore[quality/lint]', blocked: '`# backsmith: ignore[quality/lint]` in generated code: it waives nothing in generated code; fix the finding instead of hiding it (delivered with the module, it would waive these findings in every later `backsmith verify` of it)' },
    { name: 'a # backsmith: ignore-file comment on a later line', line: 'return 0  # backsmith: ignore-file[stories]', blocked: 'ignore' },
    { name: '"type: ignore" in a string is no comment', line: 'return len("# type: ignore")', blocked: null },
    { name: 'no comment', line: 'return 0', blocked: null },
  ];
  it.each(cases)('$name', async ({ line, blocked }) => {
    const code = module(line);
    const report = await verifyModule({ path: 'totals.py', source: code, noRun: true, draft: true });
    const graded = await blockDraftWaivers(report, code);
    if (blocked === null) {
      expect(graded).toBe(report);
      return;
    }
    const errors = graded.findings.filter((finding) => finding.checkId === 'quality/suppression-comment' && finding.severity === 'error');
    expect(errors.map((finding) => finding.line)).toEqual([11]);
    expect(errors[0]!.message).toContain(blocked);
    expect(errors[0]!.hint).toMatch(/^Remove the/);
    expect(graded.passed).toBe(false);
    expect(graded.checks.find((check) => check.id === 'quality/suppression-comment')!.status).toBe('failed');
    for (const severity of ['error', 'warning', 'info'] as const) {
      expect(graded.summary[`${severity}s`]).toBe(graded.findings.filter((finding) => finding.severity === severity).length);
    }
    expect(graded.findings.map((finding) => finding.severity)).toEqual([...graded.findings.map((finding) => finding.severity)].sort((a, b) => ['error', 'warning', 'info'].indexOf(a) - ['error', 'warning', 'info'].indexOf(b)));
  });
});
