import type { Finding } from '../../verify/finding.js';
import type { ModuleReport } from '../../verify/verify-module.js';

/**
 * A verification report read from markers in the code, for loop tests that need no real verifier:
 * each line `# ERROR check/id message` is an error finding there, `# WARN check/id message` a warning.
 */
export function fakeReport(code: string): ModuleReport {
  const findings: Finding[] = [];
  code.split('\n').forEach((line, index) => {
    const match = /^\s*# (ERROR|WARN) (\S+) ?(.*)$/.exec(line);
    if (!match) return;
    findings.push({
      checkId: match[2]!, category: 'quality', severity: match[1] === 'ERROR' ? 'error' : 'warning',
      message: match[3] || 'problem', line: index + 1, hint: `fix ${match[2]}`,
    });
  });
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  return {
    path: 'module.py', sha256: '', passed: errors === 0, findings, checks: [],
    summary: { errors, warnings: findings.length - errors, infos: 0 },
    syntax: { authority: 'tree-sitter', pythonVersion: null, fallbackReason: null }, durationMs: 0,
  };
}
