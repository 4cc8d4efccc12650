import type { Finding } from '../../verify/finding.js';
import type { ModuleReport } from '../../verify/verify-module.js';

/**
 * A verification report read from markers in the code, for loop tests that need no real verifier:
 * each line `# ERROR check/id message` is an error finding there, `# WARN check/id message` a warning;
 * a line `# UNPARSABLE` stands for code that does not parse: a `syntax/invalid-python` error, and
 * three checks skipped as the verifier skips them then.
 */
export function fakeReport(code: string): ModuleReport {
  const findings: Finding[] = [];
  let unparsable = false;
  code.split('\n').forEach((line, index) => {
    if (/^\s*# UNPARSABLE\b/.test(line)) {
      unparsable = true;
      findings.push({ checkId: 'syntax/invalid-python', category: 'syntax', severity: 'error', message: 'invalid syntax', line: index + 1, hint: 'fix the syntax' });
      return;
    }
    const match = /^\s*# (ERROR|WARN) (\S+) ?(.*)$/.exec(line);
    if (!match) return;
    findings.push({
      checkId: match[2]!, category: 'quality', severity: match[1] === 'ERROR' ? 'error' : 'warning',
      message: match[3] || 'problem', line: index + 1, hint: `fix ${match[2]}`,
    });
  });
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  return {
    path: 'module.py', sha256: '', passed: errors === 0, findings,
    checks: unparsable ? ['design/missing-method', 'quality/lint', 'stories/message-mismatch'].map((id) => ({ id, status: 'skipped' as const, reason: 'the module is not valid Python', durationMs: 0 })) : [],
    summary: { errors, warnings: findings.length - errors, infos: 0 },
    syntax: { authority: 'tree-sitter', pythonVersion: null, fallbackReason: null }, durationMs: 0,
  };
}
