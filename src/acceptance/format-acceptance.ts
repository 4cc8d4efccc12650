import { escapeTerminal } from '../report/escape-terminal.js';
import type { GeneratedTestsSummary } from './tests-for-generate.js';

/** One summary line for `generate`: the tests it wrote, suspect tests, and the draft ranking. */
export function formatAcceptanceLine(summary: GeneratedTestsSummary): string {
  if (summary.status !== 'usable') return `acceptance tests: none usable (${escapeTerminal(summary.reason)}); drafts were verified without them`;
  const parts = [`acceptance tests: ${summary.fileName}, ${summary.tests.length} test(s) written by the QA agent${summary.deliveredPath ? ', delivered next to the module' : ''}`];
  if (summary.suspectTests.length > 0) parts.push(`suspect (every independent draft fails it; check it against the stories): ${summary.suspectTests.join(', ')}`);
  if (summary.ranking.length > 1) parts.push(`ranking by agreement: ${summary.ranking.map((entry) => `${entry.id} ${entry.score}`).join(' > ')}`);
  if (summary.repairBase) parts.push(`repairs started from ${summary.repairBase}, ranked first`);
  return parts.join('; ');
}
