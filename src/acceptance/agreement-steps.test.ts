import { describe, expect, it } from 'vitest';
import type { Finding } from '../verify/finding.js';
import type { ModuleReport } from '../verify/verify-module.js';
import { evidenceOf, regrade } from './agreement-steps.js';

const TESTS = ['test_us001_ac1_add', 'test_us001_ac2_name', 'test_us002_ac1_take'];

function finding(checkId: string, symbol?: string, severity: Finding['severity'] = 'error'): Finding {
  return { checkId, category: checkId.startsWith('tests/') ? 'tests' : 'design', severity, message: `${checkId} says no`, line: 0, hint: 'fix it', ...(symbol ? { symbol } : {}) };
}

type Outcome = NonNullable<ModuleReport['testOutcomes']>[number]['outcome'];
const ALL_PASSED: Array<[string, Outcome]> = TESTS.map((test) => [test, 'passed']);

function report(findings: Finding[], tests: { completed: boolean; ran: number } | null = { completed: true, ran: 3 }, outcomes: Array<[string, Outcome]> = ALL_PASSED): ModuleReport {
  const errors = findings.filter((entry) => entry.severity === 'error').length;
  return {
    path: 'm.py', sha256: '', passed: errors === 0, findings, checks: [], summary: { errors, warnings: findings.length - errors, infos: 0 },
    syntax: { authority: 'tree-sitter', pythonVersion: null, fallbackReason: null }, durationMs: 0,
    ...(tests ? { sandbox: { tests: { runner: 'unittest', passed: 0, failed: 0, errors: 0, skipped: 0, ...tests } } as unknown as ModuleReport['sandbox'] } : {}),
    ...(tests ? { testOutcomes: outcomes.map(([name, outcome]) => ({ id: `test_m.py::Case::${name}`, name, outcome })) } : {}),
  };
}

describe('evidenceOf: what a report shows against the generated tests', () => {
  const cases: Array<{ name: string; report: ModuleReport; passed: string[]; otherErrors: number; failed?: string[] }> = [
    { name: 'a clean run passes every test', report: report([]), passed: TESTS, otherErrors: 0 },
    { name: 'a failed and an errored test, by method name', report: report([finding('tests/failed', 'test_us001_ac2_name'), finding('tests/error', 'Case.test_us002_ac1_take')]), passed: ['test_us001_ac1_add'], otherErrors: 0 },
    { name: 'a subtest failure counts against its method', report: report([finding('tests/failed', 'test_us001_ac1_add (bad=0)')]), passed: ['test_us001_ac2_name', 'test_us002_ac1_take'], otherErrors: 0 },
    { name: 'design findings are other errors', report: report([finding('design/missing-method', 'Shelf.list'), finding('quality/x', undefined, 'warning')]), passed: TESTS, otherErrors: 1 },
    { name: 'a failing test the file does not define is another error', report: report([finding('tests/failed', 'test_elsewhere')]), passed: TESTS, otherErrors: 1 },
    { name: 'a load error (no symbol): nothing passed', report: report([finding('tests/error')]), passed: [], otherErrors: 1, failed: [] },
    { name: 'an unfinished run: nothing passed', report: report([], { completed: false, ran: 2 }), passed: [], otherErrors: 0, failed: [] },
    { name: 'no sandbox run: nothing passed', report: report([], null), passed: [], otherErrors: 0, failed: [] },
    { name: 'a skipped test did not pass', report: report([], undefined, [['test_us001_ac1_add', 'passed'], ['test_us001_ac2_name', 'skipped'], ['test_us002_ac1_take', 'passed']]), passed: ['test_us001_ac1_add', 'test_us002_ac1_take'], otherErrors: 0, failed: [] },
    {
      name: 'a test that never reported did not pass', report: report([finding('tests/unreported', '<tests>')], undefined, [['test_us001_ac1_add', 'passed'], ['test_us001_ac2_name', 'passed']]),
      passed: ['test_us001_ac1_add', 'test_us001_ac2_name'], otherErrors: 1, failed: [],
    },
    { name: 'a test with one skipped subtest did not pass', report: report([], undefined, [...ALL_PASSED, ['test_us001_ac1_add (bad=0)', 'skipped']]), passed: ['test_us001_ac2_name', 'test_us002_ac1_take'], otherErrors: 0, failed: [] },
    {
      name: 'an error outcome without its finding still fails (pytest parameters)', report: report([], undefined, [['test_us001_ac1_add[1]', 'passed'], ['test_us001_ac1_add[2]', 'error'], ['test_us001_ac2_name', 'passed'], ['test_us002_ac1_take', 'passed']]),
      passed: ['test_us001_ac2_name', 'test_us002_ac1_take'], otherErrors: 0,
    },
    { name: 'an unfinished run keeps a reported failure failed', report: report([finding('tests/failed', 'test_us001_ac2_name')], { completed: false, ran: 1 }), passed: [], otherErrors: 0, failed: ['test_us001_ac2_name'] },
  ];
  it.each(cases)('$name', ({ report: given, passed, otherErrors, failed }) => {
    const evidence = evidenceOf('draft 1', given, TESTS);
    expect(evidence.passed).toEqual(passed);
    expect(evidence.failed).toEqual(failed ?? TESTS.filter((test) => !passed.includes(test)));
    expect([...evidence.passed, ...evidence.failed, ...(evidence.unproven ?? [])].sort()).toEqual([...TESTS].sort());
    expect(evidence.otherErrors).toBe(otherErrors);
  });
});

describe('regrade: suspect tests warn instead of blocking', () => {
  it('turns only the suspect tests\' failures into warnings and recounts the verdict', () => {
    const given = report([finding('tests/failed', 'test_us001_ac2_name'), finding('tests/failed', 'test_us001_ac1_add')]);
    const graded = regrade(given, new Set(['test_us001_ac2_name']));
    expect(graded.findings.map((entry) => [entry.symbol, entry.severity])).toEqual([['test_us001_ac2_name', 'warning'], ['test_us001_ac1_add', 'error']]);
    expect(graded.findings[0]!.message).toMatch(/^Suspect generated test: every independently drawn draft fails it/);
    expect(graded).toMatchObject({ passed: false, summary: { errors: 1, warnings: 1 } });
    expect(regrade(report([finding('tests/failed', 'test_us001_ac2_name')]), new Set(['test_us001_ac2_name'])).passed).toBe(true);
  });

  it('leaves a report without suspect failures as it is', () => {
    const given = report([finding('design/missing-method', 'X.y')]);
    expect(regrade(given, new Set())).toBe(given);
    expect(regrade(given, new Set(['test_us001_ac1_add']))).toBe(given);
  });
});
