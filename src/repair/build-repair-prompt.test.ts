import { describe, expect, it } from 'vitest';
import type { Finding } from '../verify/finding.js';
import { codeExcerpt } from './code-excerpt.js';
import { formatRepairFindings } from './build-repair-prompt.js';

function finding(checkId: string, line: number, extra: Partial<Finding> = {}): Finding {
  return { checkId, category: 'quality', severity: 'error', message: `${checkId} at ${line}`, line, hint: `hint for ${checkId}`, ...extra };
}

const CODE = Array.from({ length: 40 }, (_, index) => `line_${index + 1} = ${index + 1}`).join('\n');

describe('formatRepairFindings', () => {
  it('lists each error with id, line, symbol, message, excerpt and hint; skips warnings and infos', () => {
    const text = formatRepairFindings(
      [finding('design/missing-method', 0, { symbol: 'Pond.drain' }), finding('stories/message-verbatim', 12), finding('quality/w', 3, { severity: 'warning' })],
      CODE, 'pond_tracker.py',
    );
    expect(text).toContain('found 2 problems that must be fixed');
    expect(text).toContain('1. design/missing-method (whole module, `Pond.drain`)\n   design/missing-method at 0\n   Fix: hint for design/missing-method');
    expect(text).toContain('2. stories/message-verbatim (line 12)\n   stories/message-verbatim at 12\n     10 | line_10 = 10\n     11 | line_11 = 11\n   > 12 | line_12 = 12\n     13 | line_13 = 13\n     14 | line_14 = 14\n   Fix:');
    expect(text).not.toContain('quality/w');
  });

  it('summarises a flood of one check instead of listing it all', () => {
    const findings = Array.from({ length: 20 }, (_, index) => finding('quality/line-too-long', index + 1));
    const text = formatRepairFindings(findings, CODE, 'x.py', { maxFindings: 30, maxPerCheck: 3 });
    expect(text.match(/^\d+\. quality\/line-too-long/gm)).toHaveLength(3);
    expect(text).toContain('- 17 more quality/line-too-long findings (lines 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, …): fix them the same way.');
  });
});

describe('codeExcerpt', () => {
  it('clips at the file edges, cuts long lines and is empty for whole-module findings', () => {
    expect(codeExcerpt(['a', 'b', 'c'], 1)).toBe('> 1 | a\n  2 | b\n  3 | c');
    expect(codeExcerpt(['x'.repeat(200)], 1)).toBe(`> 1 | ${'x'.repeat(160)}…`);
    expect(codeExcerpt(['a'], 0)).toBe('');
    expect(codeExcerpt(['a'], 5)).toBe('');
  });
});
