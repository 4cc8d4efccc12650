import type { TraceabilityOutcome, TraceabilityRow } from './traceability.js';
import { traceabilityCounts } from './traceability.js';

/** How many test names a row shows before `+N more`. */
const SHOWN_TESTS = 2;
const OUTCOME_ORDER: TraceabilityOutcome[] = ['passed', 'failed', 'error', 'not-run', 'no-test'];

/** The traceability table for people: a summary line, then one line per criterion (`US-001 AC2  passed   test_us001_ac2_…`). */
export function formatTraceabilityLines(rows: readonly TraceabilityRow[]): string[] {
  if (rows.length === 0) return [];
  const counts = traceabilityCounts(rows);
  const summary = OUTCOME_ORDER.filter((outcome) => counts[outcome] > 0).map((outcome) => `${counts[outcome]} ${outcome}`).join(', ');
  const width = Math.max(...rows.map((row) => `${row.storyId} ${row.criterionId}`.length));
  const lines = [`Traceability (${rows.length} criteria: ${summary}):`];
  for (const row of rows) {
    const names = row.tests.map((test) => test.split('::').pop() ?? test);
    const shown = names.length === 0 ? '—' : `${names.slice(0, SHOWN_TESTS).join(', ')}${names.length > SHOWN_TESTS ? ` +${names.length - SHOWN_TESTS} more` : ''}`;
    lines.push(`  ${`${row.storyId} ${row.criterionId}`.padEnd(width)}  ${row.outcome.padEnd(7)}  ${shown}`);
  }
  return lines;
}
