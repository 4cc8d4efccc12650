import { defineCheck, type CheckReport } from '../../check.js';
import { clip } from './support/runtime-symbols.js';

/** Problems listed in one finding; the rest are counted. */
const MAX_LISTED = 5;

/** `runtime/bad-results`: results from the sandbox that are malformed or lack the run's secret make the run untrustworthy. */
export const badResults = defineCheck({
  id: 'runtime/bad-results',
  category: 'runtime',
  severity: 'error',
  description: "The probe's and test runner's results must arrive intact and carry the run's secret; a record that is malformed, oversized, nested too deep or without the secret means the results were forged or corrupted.",
  fixHint: 'Do not write to file descriptors you did not open (os.write to 3 or its duplicates), print to the results channel, or touch backsmith\'s harness; keep module-level code to definitions and constants.',
  run(context) {
    const runtime = context.runtime;
    if (!runtime) return [];
    const reports: CheckReport[] = [];
    for (const [label, problems] of [['probe', runtime.probe?.recordProblems ?? []], ['acceptance tests', runtime.tests?.recordProblems ?? []]] as const) {
      if (problems.length === 0) continue;
      const listed = problems.slice(0, MAX_LISTED).map((problem) => clip(problem, 160)).join('; ');
      const more = problems.length > MAX_LISTED ? `; and ${problems.length - MAX_LISTED} more` : '';
      reports.push({ message: `The ${label} results were forged or corrupted, so they cannot be trusted: ${listed}${more}`, line: 0, symbol: '<results>' });
    }
    return reports;
  },
});
