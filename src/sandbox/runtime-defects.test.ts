import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCheck } from '../verify/registry.js';
import { resolveSandboxInterpreter } from './resolve-interpreter.js';
import { canSandbox, findingKeys, FIXTURES, fixture, inject, runtimeFindings, verifySource } from './test-support/runtime-fixtures.js';

// One defect at a time, injected into a small correct module; each must be reported under
// the right id by the real sandboxed run.
const usable = await canSandbox();
const MODULE = 'tally_service.py';
const base = fixture(FIXTURES.runtime, MODULE);
const acceptance = path.join(FIXTURES.runtime, 'test_tally_acceptance.py');

describe.skipIf(!usable)('runtime stage on injected defects', () => {
  it('passes the correct module and its acceptance tests, with every protection reported', async () => {
    const report = await verifySource(MODULE, base, { tests: [acceptance] });
    expect(runtimeFindings(report)).toEqual([]);
    expect(report.sandbox?.status).toBe('ran');
    expect(report.sandbox?.missing).toEqual([]);
    expect(report.sandbox?.runs.every((run) => run.leftoverProcesses === 0)).toBe(true);
    const outcomes = Object.fromEntries(report.checks.map((check) => [check.id, check.status]));
    expect(outcomes['tests/failed']).toBe('passed');
    expect(outcomes['runtime/import-error']).toBe('passed');
  });

  it('reports a hang (runtime/hang) and keeps probing the other methods', async () => {
    const hanging = inject(base, '"""Rows for a gr.Dataframe."""', '"""Rows for a gr.Dataframe."""\n        while True:\n            pass');
    const escaping = inject(hanging, 'if not isinstance(name, str) or not name.strip():', 'if not name.strip():');
    const report = await verifySource(MODULE, escaping);
    expect(findingKeys(report, 'error')).toEqual(expect.arrayContaining(['runtime/hang TallyService.table', 'contract/exception-escapes TallyService.add_item']));
  });

  it('reports an import error with its line (runtime/import-error)', async () => {
    const broken = inject(base, 'MAX_QUANTITY = 1000', 'MAX_QUANTITY = int("a thousand")');
    const report = await verifySource(MODULE, broken);
    const finding = report.findings.find((item) => item.checkId === 'runtime/import-error');
    expect(finding?.message).toContain('ValueError');
    expect(finding?.line).toBe(broken.split('\n').findIndex((line) => line.startsWith('MAX_QUANTITY')) + 1);
  });

  it('reports an exception escaping on bad input (contract/exception-escapes)', async () => {
    const report = await verifySource(MODULE, inject(base, 'if not isinstance(name, str) or not name.strip():', 'if not name.strip():'));
    const finding = report.findings.find((item) => item.checkId === 'contract/exception-escapes');
    expect(finding?.symbol).toBe('TallyService.add_item');
    expect(finding?.message).toMatch(/AttributeError.*name: None/);
  });

  it('reports a wrong result caught by an acceptance test, with story and criterion (tests/failed)', async () => {
    const report = await verifySource(MODULE, inject(base, 'count = sum(self._counts.values())', 'count = sum(self._counts.values()) - 1'), { tests: [acceptance] });
    const failures = report.findings.filter((item) => item.checkId === 'tests/failed');
    expect(failures.map((item) => item.symbol)).toEqual(['test_us002_ac1_total_counts_everything']);
    expect(failures[0]?.message).toContain('(US-002 AC1, test_tally_acceptance.py:');
    expect(failures[0]?.message).toContain('4 != 5 : total of 3 apples and 2 pears');
    expect(findingKeys(report)).toContain('runtime/doctest TallyService');
  });

  it('reports data a Gradio component cannot show (contract/response-shape)', async () => {
    const report = await verifySource(MODULE, inject(base, 'rows = [[name, count] for', 'rows = [{name, count} for'));
    const finding = report.findings.find((item) => item.checkId === 'contract/response-shape');
    expect(finding?.symbol).toBe('TallyService.table');
    expect(finding?.message).toContain('is a set, which is not JSON-serialisable');
  });

  it('reports a wrong docstring example at its line (runtime/doctest)', async () => {
    const report = await verifySource(MODULE, inject(base, "'Added 3 x apple.'", "'Added 4 x apple.'"));
    const finding = report.findings.find((item) => item.checkId === 'runtime/doctest');
    expect(finding?.line).toBe(5);
    expect(finding?.severity).toBe('warning');
  });

  it('never passes a test run where no test ran (tests/none-ran)', async () => {
    const report = await verifySource(MODULE, base, { tests: [path.join(FIXTURES.runtime, 'test_tally_empty.py')] });
    expect(findingKeys(report, 'error')).toEqual(['tests/none-ran']);
    expect(report.passed).toBe(false);
  });

  it('reports a test file that cannot be imported (tests/error, tests/none-ran, and the counted tests as unreported)', async () => {
    const report = await verifySource(MODULE, base, { tests: [path.join(FIXTURES.runtime, 'test_tally_broken_import.py')] });
    expect(findingKeys(report, 'error').sort()).toEqual(['tests/error', 'tests/none-ran', 'tests/unreported <tests>']);
    expect(report.findings.find((item) => item.checkId === 'tests/error')?.message).toContain('TallyLedger');
  });

  it('skips runtime checks with --no-run and says why', async () => {
    const report = await verifySource(MODULE, base, { noRun: true, tests: [acceptance] });
    expect(report.sandbox).toBeUndefined();
    // The fail-closed checks run (nothing was asked for, so nothing to report); the rest are skipped.
    const failClosed = ['runtime/not-run', 'runtime/bad-results', 'tests/not-run'];
    // The test-file checks read the files, run nothing, and so run even with --no-run.
    const skipped = report.checks.filter((check) => /^(runtime|tests)\//.test(check.id) && !failClosed.includes(check.id) && !findCheck(check.id)?.requires?.includes('test-files'));
    expect(skipped.every((check) => check.status === 'skipped' && check.reason === '--no-run given')).toBe(true);
    expect(report.checks.filter((check) => failClosed.includes(check.id)).map((check) => check.status)).toEqual(['passed', 'passed', 'passed']);
  });
});

// pytest runs when the interpreter has it (CI: `apt-get install python3-pytest`, or point
// BACKSMITH_PYTEST_PYTHON at one every user can read); otherwise this part is skipped.
const pytestPython = process.env.BACKSMITH_PYTEST_PYTHON ?? '/usr/bin/python3';
const withPytest = usable && (await resolveSandboxInterpreter(pytestPython, true, false).then((found) => found.ok && found.interpreter.hasPytest, () => false));

describe.skipIf(!withPytest)('runtime stage with pytest', () => {
  it('runs pytest-style tests and reports a plain assert as tests/failed', async () => {
    const tests = [path.join(FIXTURES.runtime, 'test_tally_pytest_style.py')];
    const clean = await verifySource(MODULE, base, { tests, python: pytestPython });
    expect(clean.sandbox?.tests).toMatchObject({ runner: 'pytest', ran: 2, passed: 2 });
    const report = await verifySource(MODULE, inject(base, 'count = sum(self._counts.values())', 'count = sum(self._counts.values()) - 1'), { tests, python: pytestPython });
    const failure = report.findings.find((item) => item.checkId === 'tests/failed');
    expect(failure?.message).toContain('test_us002_ac1_total_plain (US-002 AC1, test_tally_pytest_style.py:13) failed: assert 4 == 5');
  });
});
