import type { StoriesSpec } from '../inputs/stories/story-types.js';
import { testKey } from '../sandbox/count-tests.js';
import type { TestCaseResult, TestRunResult } from '../sandbox/runtime-types.js';
import type { CriterionCoverage } from '../test-file/criterion-coverage.js';

/** What became of one acceptance criterion: its tests and how they ended. */
export type TraceabilityOutcome = 'passed' | 'failed' | 'error' | 'not-run' | 'no-test';

/** One row of the story → criterion → tests → outcome table. */
export interface TraceabilityRow {
  storyId: string;
  criterionId: string;
  criterionText: string;
  /** Test ids naming the criterion, `test_x.py::Class::test_method`. */
  tests: string[];
  /**
   * `no-test`: no test names it; `not-run`: some test of it did not run (or was skipped); else the
   * worst outcome of its tests (a failure outranks an error, an error a pass).
   */
  outcome: TraceabilityOutcome;
}

function outcomeOf(tests: string[], results: Map<string, TestCaseResult['outcome']> | null): TraceabilityOutcome {
  if (tests.length === 0) return 'no-test';
  if (results === null) return 'not-run';
  const outcomes = tests.map((test) => results.get(test));
  if (outcomes.includes('failed')) return 'failed';
  if (outcomes.includes('error')) return 'error';
  if (outcomes.some((outcome) => outcome === undefined || outcome === 'skipped')) return 'not-run';
  return 'passed';
}

/**
 * The traceability table: every criterion of the stories, the tests that name it (from the test
 * files, and from the names of tests that ran) and their outcome in the run (`run` null: not run).
 */
export function buildTraceability(stories: StoriesSpec, coverage: readonly CriterionCoverage[], run: TestRunResult | null): TraceabilityRow[] {
  const results = run ? new Map<string, TestCaseResult['outcome']>() : null;
  const named = new Map<string, string[]>();
  for (const test of run?.tests ?? []) {
    const key = testKey(test.id, run!.files) ?? test.id;
    // Several records for one test (parametrised cases): the worst one counts.
    const previous = results!.get(key);
    if (!previous || previous === 'passed' || (previous === 'error' && test.outcome === 'failed') || previous === 'skipped') results!.set(key, test.outcome);
    if (test.story && test.criterion) {
      const criterionKey = `${Number(test.story.replace(/\D/g, ''))}:${Number(test.criterion.replace(/\D/g, ''))}`;
      named.set(criterionKey, [...(named.get(criterionKey) ?? []), key]);
    }
  }
  const byCriterion = new Map(coverage.map((entry) => [`${entry.storyId}\u0000${entry.criterionId}`, entry.tests]));
  return stories.stories.flatMap((story) => story.criteria.map((criterion) => {
    const fromFiles = byCriterion.get(`${story.id}\u0000${criterion.id}`) ?? [];
    const fromRun = named.get(`${Number(story.id.replace(/\D/g, '') || NaN)}:${Number(criterion.id.replace(/\D/g, '') || NaN)}`) ?? [];
    const tests = [...new Set([...fromFiles, ...fromRun])];
    return { storyId: story.id, criterionId: criterion.id, criterionText: criterion.text.replace(/\s+/g, ' ').trim(), tests, outcome: outcomeOf(tests, results) };
  }));
}

/** Counts of rows by outcome, for summaries: `{ passed: 30, 'no-test': 2, … }`. */
export function traceabilityCounts(rows: readonly TraceabilityRow[]): Record<TraceabilityOutcome, number> {
  const counts: Record<TraceabilityOutcome, number> = { passed: 0, failed: 0, error: 0, 'not-run': 0, 'no-test': 0 };
  for (const row of rows) counts[row.outcome]++;
  return counts;
}
