import { describe, expect, it } from 'vitest';
import { verifyModule } from './verify-module.js';

const MODULE = `"""Counter service."""


class CounterService:
    """Counts things."""

    def add(self, amount: int) -> int:
        """Add an amount."""
        pass
`;

describe('a module wrapped in fences and prose', () => {
  it('reports the format errors and still analyses the code, with the line numbers of the file', async () => {
    const wrapped = `Here is the implementation you asked for:\n\n\`\`\`python\n${MODULE}\`\`\`\n\nLet me know if you need anything else.\n`;
    const report = await verifyModule({ path: 'wrapped.py', source: wrapped, noRun: true, python: null });
    const ids = report.findings.map((finding) => finding.checkId);
    expect(ids).toContain('format/code-fence');
    expect(ids).toContain('format/surrounding-prose');
    // The file as it is does not compile, and says so; every other check read the code inside.
    expect(ids).toContain('syntax/invalid-python');
    expect(report.checks.filter((check) => check.reason === 'the module is not valid Python')).toEqual([]);
    // `pass` sits on line 9 of the module, line 12 of the file (three lines of prose and fence above).
    const placeholder = report.findings.find((finding) => finding.checkId === 'quality/placeholder');
    expect(placeholder?.line).toBe(7 + 3);
    expect(report.passed).toBe(false);
  });

  it('leaves a module that does not parse for other reasons to syntax/invalid-python', async () => {
    const report = await verifyModule({ path: 'broken.py', source: `${MODULE}\ndef broken(:\n    return 1\n`, noRun: true, python: null });
    expect(report.findings.map((finding) => finding.checkId)).toContain('syntax/invalid-python');
    expect(report.checks.some((check) => check.reason === 'the module is not valid Python')).toBe(true);
  });
});
