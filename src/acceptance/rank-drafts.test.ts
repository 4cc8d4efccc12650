import { describe, expect, it } from 'vitest';
import { rankDrafts, type DraftEvidence } from './rank-drafts.js';

const ALL = ['t1', 't2', 't3', 't4'];
function draft(id: string, passed: string[], otherErrors = 0, tests = ALL): DraftEvidence {
  return { id, passed, failed: tests.filter((test) => !passed.includes(test)), otherErrors };
}

describe('rankDrafts: suspect tests', () => {
  const cases: Array<{ name: string; drafts: DraftEvidence[]; suspect: string[] }> = [
    { name: 'one draft is never enough to doubt a test', drafts: [draft('a', ['t1', 't2', 't3'])], suspect: [] },
    { name: 'every clean draft fails the same one test', drafts: [draft('a', ['t1', 't2', 't3']), draft('b', ['t1', 't2', 't3']), draft('c', ['t1', 't2', 't3'])], suspect: ['t4'] },
    { name: 'two tests all drafts fail, each draft otherwise clean', drafts: [draft('a', ['t1', 't2']), draft('b', ['t1', 't2'])], suspect: ['t3', 't4'] },
    { name: 'one draft also fails another test: no agreement against t4', drafts: [draft('a', ['t1', 't2', 't3']), draft('b', ['t1', 't2'])], suspect: [] },
    { name: 'a draft with design errors does not vouch for its behaviour', drafts: [draft('a', ['t1', 't2', 't3']), draft('b', ['t1', 't2', 't3'], 1)], suspect: [] },
    { name: 'a draft passes t4: the test is not failed by all', drafts: [draft('a', ['t1', 't2', 't3']), draft('b', ALL)], suspect: [] },
    { name: 'drafts that pass nothing (import error) say nothing about the tests', drafts: [draft('a', []), draft('b', [])], suspect: [] },
    { name: 'more tests failed than passed: the drafts are wrong, not the tests', drafts: [draft('a', ['t1']), draft('b', ['t1'])], suspect: [] },
    { name: 'no drafts', drafts: [], suspect: [] },
  ];
  it.each(cases)('$name', ({ drafts, suspect }) => {
    expect(rankDrafts(drafts).suspectTests).toEqual(suspect);
  });
});

describe('rankDrafts: order by dual agreement', () => {
  const cases: Array<{ name: string; drafts: DraftEvidence[]; order: string[]; scores?: number[] }> = [
    {
      name: 'two drafts agreeing on three tests beat a lone draft passing four',
      drafts: [draft('lone', ALL), draft('a', ['t1', 't2', 't3']), draft('b', ['t1', 't2', 't3'])],
      order: ['a', 'b', 'lone'], scores: [6, 6, 4],
    },
    { name: 'alone, more passed tests rank first', drafts: [draft('a', ['t1']), draft('b', ['t1', 't2'])], order: ['b', 'a'], scores: [2, 1] },
    { name: 'equal agreement: fewer other errors first', drafts: [draft('a', ['t1', 't2'], 2), draft('b', ['t1', 't2'], 0)], order: ['b', 'a'] },
    { name: 'full tie: the earlier draft first', drafts: [draft('a', ['t2']), draft('b', ['t3'])], order: ['a', 'b'] },
    { name: 'the same passed set in another order agrees', drafts: [draft('a', ['t2', 't1']), draft('b', ['t1', 't2']), draft('c', ['t1', 't2', 't3'])], order: ['a', 'b', 'c'], scores: [4, 4, 3] },
  ];
  it.each(cases)('$name', ({ drafts, order, scores }) => {
    const ranking = rankDrafts(drafts);
    expect(ranking.order.map((entry) => entry.id)).toEqual(order);
    if (scores) expect(ranking.order.map((entry) => entry.score)).toEqual(scores);
  });
});

describe('rankDrafts: tests with no outcome are not evidence', () => {
  it('a test skipped by every draft is not suspect, and a draft with a skipped test does not vouch for the others', () => {
    const skipping = (id: string): DraftEvidence => ({ id, passed: ['t1', 't2'], failed: ['t3'], unproven: ['t4'], otherErrors: 0 });
    expect(rankDrafts([skipping('a'), skipping('b')]).suspectTests).toEqual([]);
    expect(rankDrafts([skipping('a'), skipping('b')]).order.map((entry) => entry.passed)).toEqual([2, 2]);
  });
});
