import { describe, expect, it } from 'vitest';
import type { Finding } from '../verify/finding.js';
import { codeExcerpt } from './code-excerpt.js';
import { formatRepairFindings } from './build-repair-prompt.js';
import { causeKind, criterionOf } from './finding-cause.js';
import { modelHint } from './model-hint.js';

function finding(checkId: string, line: number, extra: Partial<Finding> = {}): Finding {
  const category = checkId.split('/')[0] as Finding['category'];
  return { checkId, category, severity: 'error', message: `${checkId} at ${line}`, line, hint: `hint for ${checkId}`, ...extra };
}

function failedTest(name: string, message: string): Finding {
  return finding('tests/failed', 0, { symbol: name, message: `Acceptance test ${name} (test_pond.py:12) failed: ${message}`, hint: 'Change the module so the criterion holds.' });
}

const CODE = Array.from({ length: 40 }, (_, index) => `line_${index + 1} = ${index + 1}`).join('\n');

describe('formatRepairFindings', () => {
  it('lists causes before symptoms: syntax/imports, undefined names, design, contract/stories, others, then failing tests', () => {
    const text = formatRepairFindings(
      [
        failedTest('test_us003_ac2_rejects_negative_depth', 'AssertionError: ValueError not raised'),
        failedTest('test_us001_ac1_adds_fish', "AssertionError: 'Added' != 'Fish added'"),
        finding('stories/message-mismatch', 20),
        finding('design/signature-mismatch', 9, { symbol: 'Pond.drain' }),
        finding('quality/lint', 14, { message: 'F821 Undefined name `deptht`', hint: 'Fix the code Ruff names in the message; `ruff rule <code>` explains it.' }),
        finding('quality/magic-number', 30),
        finding('runtime/import-error', 3, { message: 'Importing the module failed: NameError: name x is not defined' }),
        finding('quality/w', 3, { severity: 'warning' }),
      ],
      CODE, 'pond_tracker.py',
    );
    const order = ['runtime/import-error', 'F821', 'design/signature-mismatch', 'stories/message-mismatch', 'quality/magic-number', 'US-001 AC1', 'US-003 AC2'].map((marker) => text.indexOf(marker));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).toContain('found 7 problems that must be fixed, listed causes first');
    expect(text).toContain('## 1. Syntax and imports');
    expect(text).toContain('## 6. Failing acceptance tests');
    expect(text).toContain("- US-001 AC1 `test_us001_ac1_adds_fish`: AssertionError: 'Added' != 'Fish added'");
    expect(text).toContain('- design/signature-mismatch (line 9, `Pond.drain`): design/signature-mismatch at 9\n  > 9 | line_9 = 9\n  Fix: hint for design/signature-mismatch');
    expect(text).toContain('Fix: F821: a name is used that is never defined or imported');
    expect(text).not.toContain('ruff rule');
    expect(text).not.toContain('quality/w');
    expect(text).not.toMatch(/\bline 0\b|lines? 0\b/);
  });

  it('caps the diagnostics near 2 KB, summarising the rest per kind, and gives each hint once', () => {
    const findings = [
      ...Array.from({ length: 25 }, (_, index) => finding('quality/missing-type-hints', index + 1, { message: `function f${index} has no return type annotation (the design gives one)` })),
      ...Array.from({ length: 12 }, (_, index) => failedTest(`test_us00${(index % 4) + 1}_ac${index + 1}_case`, `AssertionError: expected ${index} got ${index + 1}`)),
      finding('design/missing-method', 0, { symbol: 'Pond.drain' }),
    ];
    const text = formatRepairFindings(findings, CODE, 'x.py');
    expect(text.length).toBeLessThanOrEqual(1800 + 200);
    expect(text).toMatch(/- and \d+ more of the same kind \(lines [\d, …]+\): fix them the same way\./);
    expect(text).toMatch(/- and \d+ more failing tests \(US-\d{3} AC\d+/);
    expect(text).toContain('design/missing-method (`Pond.drain`)');
    expect(text.match(/Fix: hint for quality\/missing-type-hints/g)).toHaveLength(1);
  });

  it('lists tests that fail with one and the same message once, with their criteria', () => {
    const error = "NameError: name 'slef' is not defined (raised in the module at line 12, in __init__)";
    const findings = ['test_us001_ac1_a', 'test_us001_ac2_b', 'test_us002_ac1_c'].map((name) => ({ ...failedTest(name, ''), message: `Acceptance test ${name} (t.py:3) raised an error: ${error}` }));
    const text = formatRepairFindings([...findings, failedTest('test_us003_ac1_d', 'AssertionError: 1 != 2')], CODE, 'x.py');
    expect(text).toContain(`- 3 tests (US-001 AC1, US-001 AC2, US-002 AC1), each: raised an error: ${error}`);
    expect(text).toContain('- US-003 AC1 `test_us003_ac1_d`: AssertionError: 1 != 2');
    expect(text).toContain('found 4 problems');
  });

  it('never prints line 0 for whole-module findings counted in a summary', () => {
    const findings = Array.from({ length: 10 }, () => finding('design/missing-method', 0));
    const text = formatRepairFindings(findings, CODE, 'x.py', { maxFindings: 30, maxPerCheck: 2, maxChars: 2048 });
    expect(text).toContain('- and 8 more of the same kind: fix them the same way.');
  });
});

describe('causeKind, criterionOf and modelHint', () => {
  it('classifies by check and Ruff rule', () => {
    expect(causeKind(finding('quality/lint', 1, { message: 'invalid-syntax Expected an expression' }))).toBe('syntax-imports');
    expect(causeKind(finding('quality/lint', 1, { message: 'F811 Redefinition of unused `x`' }))).toBe('undefined-names');
    expect(causeKind(finding('quality/lint', 1, { message: 'E501 Line too long (120 > 100)' }))).toBe('other');
    expect(causeKind(finding('tests/error', 0, { message: 'Could not load the acceptance tests (t.py): ImportError' }))).toBe('syntax-imports');
    expect(causeKind(finding('errors/exception-hierarchy', 1))).toBe('contract-stories');
  });

  it('reads criterion ids from test names', () => {
    expect(criterionOf('test_us003_ac2_rejects_past_dates')).toBe('US-003 AC2');
    expect(criterionOf('TestBooking.test_us12_ac_1_books')).toBe('US-012 AC1');
    expect(criterionOf('test_books_a_slot')).toBeNull();
  });

  it('writes hints a model can act on', () => {
    expect(modelHint({ checkId: 'quality/lint', message: 'B006 Do not use mutable data structures for argument defaults', hint: 'x' })).toMatch(/^B006: a mutable default/);
    expect(modelHint({ checkId: 'quality/lint', message: 'UP999 Something new', hint: 'x' })).toMatch(/^UP999: a newer Python idiom/);
    expect(modelHint({ checkId: 'x/y', message: 'm', hint: 'Split the method. Run `ruff check --fix` to see more.' })).toBe('Split the method.');
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
