import { defineCheck, type CheckReport } from '../../check.js';
import { clip } from '../runtime/support/runtime-symbols.js';

/** Test names listed in one finding; the rest are counted. */
const MAX_LISTED = 10;

function listed(names: string[]): string {
  const shown = names.slice(0, MAX_LISTED).map((name) => clip(name, 160)).join(', ');
  return names.length > MAX_LISTED ? `${shown} and ${names.length - MAX_LISTED} more` : shown;
}

/** `tests/unreported`: every test the host counts in the files must report, and nothing else may. */
export const unreported = defineCheck({
  id: 'tests/unreported',
  category: 'tests',
  severity: 'error',
  description: 'backsmith counts the tests in the test files itself before running them; a counted test that never reported an outcome, or a reported test the files do not define, means results went missing or were forged.',
  fixHint: 'Make sure the module imports cleanly and never exits the process, replaces test machinery or writes to the results channel; tests that stop the run (sys.exit, os._exit) must be removed from the module\'s code paths.',
  requires: ['tests'],
  run(context) {
    const tests = context.runtime?.tests;
    if (!tests) return [];
    const reports: CheckReport[] = [];
    if (tests.unreported.length > 0) {
      const counted = tests.expected?.length ?? tests.unreported.length;
      reports.push({ message: `${tests.unreported.length} of ${counted} acceptance tests found in the files never reported an outcome: ${listed(tests.unreported)}`, line: 0, symbol: '<tests>' });
    }
    if (tests.unknown.length > 0) {
      reports.push({ message: `The test run reported ${tests.unknown.length} tests the files do not define: ${listed(tests.unknown)}`, line: 0, symbol: '<tests>' });
    }
    return reports;
  },
});
