import { describe, expect, it } from 'vitest';
import { formatAcceptanceLine } from './format-acceptance.js';
import { rankDrafts, type DraftEvidence } from './rank-drafts.js';
import type { GeneratedTestsSummary } from './tests-for-generate.js';

const TESTS = Array.from({ length: 10 }, (_, index) => `test_${index}`);
const draft = (id: number, passed: number, otherErrors: number): DraftEvidence => ({ id: `draft ${id}`, passed: TESTS.slice(0, passed), failed: TESTS.slice(passed), otherErrors });
const line = (drafts: DraftEvidence[]): string => {
  const summary: GeneratedTestsSummary = {
    status: 'usable', reason: '', fileName: 'test_x_acceptance.py', tests: TESTS, deliveredPath: null, suspectTests: [], ranking: rankDrafts(drafts).order, repairBase: null,
  };
  return formatAcceptanceLine(summary).replace(/^.*ranking by agreement \(drafts passing the same tests × tests passed\): /, '');
};

describe('the ranking in generate’s summary', () => {
  it.each([
    ['distinct scores', [draft(1, 8, 0), draft(2, 10, 0), draft(3, 4, 0)], 'draft 2 10 > draft 1 8 > draft 3 4'],
    ['a tie broken by other errors', [draft(1, 8, 2), draft(2, 8, 0), draft(3, 4, 0)], 'draft 2 16 = draft 1 16 (tie broken by fewer other errors: 0 vs 2) > draft 3 4'],
    ['a tie with equal other errors', [draft(1, 8, 1), draft(2, 8, 1)], 'draft 1 16 = draft 2 16 (tie: same other errors, so in draft order)'],
    ['a three-way tie, partly broken', [draft(1, 0, 3), draft(2, 0, 1), draft(3, 0, 1)], 'draft 2 0 = draft 3 0 = draft 1 0 (tie broken by fewer other errors: 1 vs 1 vs 3, then draft order)'],
  ])('%s', (_name, drafts, expected) => {
    expect(line(drafts)).toBe(expected);
  });
});
