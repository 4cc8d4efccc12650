import { escapeTerminal } from '../report/escape-terminal.js';
import type { RankedDraft } from './rank-drafts.js';
import type { GeneratedTestsSummary } from './tests-for-generate.js';

/**
 * The ranking as `draft 2 16 = draft 3 16 (tie broken by fewer other errors: 0 vs 2) > draft 1 7`:
 * equal scores are a tie, not "16 > 16", and what ordered the tied drafts is said.
 */
function formatRanking(ranking: readonly RankedDraft[]): string {
  const groups: RankedDraft[][] = [];
  for (const entry of ranking) {
    const last = groups.at(-1);
    if (last && last[0]!.score === entry.score) last.push(entry);
    else groups.push([entry]);
  }
  return groups.map((group) => {
    const listed = group.map((entry) => `${entry.id} ${entry.score}`).join(' = ');
    if (group.length === 1) return listed;
    const errors = group.map((entry) => entry.otherErrors);
    const distinct = new Set(errors).size;
    const why = distinct === 1
      ? 'tie: same other errors, so in draft order'
      : `tie broken by fewer other errors: ${errors.join(' vs ')}${distinct < errors.length ? ', then draft order' : ''}`;
    return `${listed} (${why})`;
  }).join(' > ');
}

/** One summary line for `generate`: the tests it wrote, suspect tests, and the draft ranking. */
export function formatAcceptanceLine(summary: GeneratedTestsSummary): string {
  if (summary.status !== 'usable') return `acceptance tests: none usable (${escapeTerminal(summary.reason)}); drafts were verified without them`;
  const parts = [`acceptance tests: ${summary.fileName}, ${summary.tests.length} test(s) written by the QA agent${summary.deliveredPath ? ', delivered next to the module' : ''}`];
  if (summary.suspectTests.length > 0) parts.push(`suspect (every independent draft fails it; check it against the stories): ${summary.suspectTests.join(', ')}`);
  if (summary.ranking.length > 1) parts.push(`ranking by agreement (drafts passing the same tests × tests passed): ${formatRanking(summary.ranking)}`);
  if (summary.repairBase) parts.push(`repairs started from ${summary.repairBase}, ranked first`);
  return parts.join('; ');
}
