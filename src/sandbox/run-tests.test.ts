import { describe, expect, it } from 'vitest';
import { compareWithCount, readTestRun, storyIdsOf } from './run-tests.js';
import type { SandboxRunResult } from './sandbox-types.js';

function run(records: Array<Record<string, unknown>>, overrides: Partial<SandboxRunResult> = {}): SandboxRunResult {
  const output = { text: '', totalBytes: 0, truncated: false };
  return {
    exitCode: 0, signal: null, timedOut: false, stalled: false, durationMs: 5, stdout: output, stderr: output, records, recordProblems: [], leftoverProcesses: 0,
    sweptProcesses: 0, uid: null, protections: {} as SandboxRunResult['protections'], ...overrides,
  };
}

describe('storyIdsOf', () => {
  it.each([
    ['test_us003_ac2_borrow_with_dropdown_choice', 'US-003', 'AC2'],
    ['test_us1_ac10_x', 'US-001', 'AC10'],
    ['test_US012_summary', 'US-012', null],
    ['test_file.py::TestX::test_us008_ac1_pay[2]', 'US-008', 'AC1'],
    ['test_helpers_and_models', null, null],
  ])('%s → %s %s', (name, story, criterion) => {
    expect(storyIdsOf(name)).toEqual({ story, criterion });
  });
});

describe('readTestRun', () => {
  it('counts ran tests without the skipped ones', () => {
    const result = readTestRun(run([
      { event: 'start', runner: 'unittest' },
      { event: 'test', id: 'm.C.test_us001_ac1_a', name: 'test_us001_ac1_a', outcome: 'passed' },
      { event: 'test', id: 'm.C.test_b', name: 'test_b', outcome: 'skipped' },
      { event: 'done', ran: 1 },
    ]), ['test_m.py'], 30_000);
    expect(result).toMatchObject({ runner: 'unittest', ran: 1, completed: true, incompleteReason: null });
    expect(result.tests[0]).toMatchObject({ story: 'US-001', criterion: 'AC1' });
  });

  it('blames a killed run on the test that was running and never claims completion', () => {
    const result = readTestRun(run([
      { event: 'start', runner: 'pytest' },
      { event: 'running', test: 'test_m.py::test_us002_ac3_slow' },
    ], { timedOut: true, exitCode: null, signal: 'SIGKILL' }), ['test_m.py'], 30_000);
    expect(result.completed).toBe(false);
    expect(result.incompleteReason).toBe('the test run was killed after 30 s');
    expect(result.tests).toEqual([expect.objectContaining({ name: 'test_us002_ac3_slow', outcome: 'error', story: 'US-002', criterion: 'AC3' })]);
  });

  it('reports a process that died without a word', () => {
    const result = readTestRun(run([], { exitCode: 1, stderr: { text: 'Fatal Python error\n', totalBytes: 19, truncated: false } }), ['t.py'], 30_000);
    expect(result).toMatchObject({ completed: false, ran: 0, runner: null });
    expect(result.incompleteReason).toContain('exit code 1');
  });
});

describe('compareWithCount', () => {
  const counted = { unittest: ['test_a.py::Cases::test_one', 'test_a.py::Cases::test_two'], pytestOnly: ['test_a.py::test_plain'] };
  const reported = (ids: string[], runner: 'pytest' | 'unittest') =>
    readTestRun(run([{ event: 'start', runner }, ...ids.map((id) => ({ event: 'test', id, name: id, outcome: 'passed' })), { event: 'done' }]), ['test_a.py'], 30_000);

  it('names the counted tests that never reported and the reported ids nobody defined', () => {
    const result = compareWithCount(reported(['test_a.py::Cases::test_one', 'test_a.py::test_forged', 'test_a.py::test_forged'], 'pytest'), counted);
    expect(result.expected).toEqual([...counted.unittest, ...counted.pytestOnly]);
    expect(result.unreported).toEqual(['test_a.py::Cases::test_two', 'test_a.py::test_plain']);
    expect(result.unknown).toEqual(['test_a.py::test_forged']);
  });

  it('says why pytest-style tests did not run under unittest; parametrised and sub-tests count once', () => {
    const result = compareWithCount(reported(['test_a.Cases.test_one', 'test_a.Cases.test_one', 'test_a.Cases.test_two'], 'unittest'), counted);
    expect(result.unreported).toEqual(['test_a.py::test_plain (pytest-style, and the interpreter has no pytest)']);
    expect(result.unknown).toEqual([]);
  });
});
