import { describe, expect, it } from 'vitest';
import type { StoriesSpec } from '../inputs/stories/story-types.js';
import type { TestCaseResult, TestRunResult } from '../sandbox/runtime-types.js';
import { formatTraceabilityLines } from './format-traceability.js';
import { buildTraceability } from './traceability.js';

const criterion = (id: string, text: string) => ({ id, text, given: null, when: null, then: null, line: 1 });
const STORIES: StoriesSpec = {
  sourceName: 'stories.md', warnings: [],
  stories: [
    { id: 'US-001', title: 'Stock', role: null, goal: null, benefit: null, messages: [], line: 1, criteria: [criterion('AC1', 'Adds'), criterion('AC2', 'Refuses a blank name'), criterion('AC3', 'Counts')] },
    { id: 'US-002', title: 'Use', role: null, goal: null, benefit: null, messages: [], line: 9, criteria: [criterion('AC1', 'Takes out'), criterion('AC2', 'Lists'), criterion('AC3', 'Empties')] },
  ],
};
const COVERAGE = [
  { storyId: 'US-001', criterionId: 'AC1', tests: ['test_p.py::T::test_add', 'test_p.py::T::test_add_twice'] },
  { storyId: 'US-001', criterionId: 'AC2', tests: ['test_p.py::T::test_blank'] },
  { storyId: 'US-001', criterionId: 'AC3', tests: [] },
  { storyId: 'US-002', criterionId: 'AC1', tests: ['test_p.py::T::test_take'] },
  { storyId: 'US-002', criterionId: 'AC2', tests: ['test_p.py::T::test_list'] },
  { storyId: 'US-002', criterionId: 'AC3', tests: [] },
];
const result = (name: string, outcome: TestCaseResult['outcome']): TestCaseResult => ({
  id: `test_p.T.${name}`, name, file: 'test_p.py', outcome, message: '', line: 1, seconds: 0, story: null, criterion: null,
});
const run = (tests: TestCaseResult[]): TestRunResult => ({
  runner: 'unittest', files: ['test_p.py'], tests, ran: tests.length, collectErrors: [], completed: true, incompleteReason: null, blocked: [],
  durationMs: 1, recordProblems: [], expected: null, unreported: [], unknown: [],
});

describe('buildTraceability', () => {
  it.each([
    { name: 'not run at all', run: null, outcomes: ['not-run', 'not-run', 'no-test', 'not-run', 'not-run', 'no-test'] },
    {
      name: 'a run: a failure outranks a pass, an error a pass, a missing or skipped test is not-run',
      run: run([result('test_add', 'passed'), result('test_add_twice', 'failed'), result('test_blank', 'error'), result('test_take', 'passed'), result('test_list', 'skipped')]),
      outcomes: ['failed', 'error', 'no-test', 'passed', 'not-run', 'no-test'],
    },
    {
      name: 'tests named test_usNNN_acN that ran count for their criterion even when the files did not say',
      run: run([{ ...result('test_us002_ac3_empties', 'passed'), story: 'US-002', criterion: 'AC3' }]),
      outcomes: ['not-run', 'not-run', 'no-test', 'not-run', 'not-run', 'passed'],
    },
  ])('$name', ({ run: testRun, outcomes }) => {
    const rows = buildTraceability(STORIES, COVERAGE, testRun);
    expect(rows.map((row) => row.outcome)).toEqual(outcomes);
    expect(rows[0]).toMatchObject({ storyId: 'US-001', criterionId: 'AC1', criterionText: 'Adds' });
  });

  it('formats a compact table for people', () => {
    const lines = formatTraceabilityLines(buildTraceability(STORIES, [{ ...COVERAGE[0]!, tests: ['a.py::T::one', 'a.py::T::two', 'a.py::T::three'] }], null));
    expect(lines[0]).toBe('Traceability (6 criteria: 1 not-run, 5 no-test):');
    expect(lines[1]).toBe('  US-001 AC1  not-run  one, two +1 more');
    expect(lines[2]).toBe('  US-001 AC2  no-test  —');
  });
});
