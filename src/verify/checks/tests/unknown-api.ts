import { apiProblems } from '../../../test-file/api-uses.js';
import { defineTestFileCheck } from '../../../test-file/define-test-file-check.js';

/** `tests/unknown-api`: a test file that calls names the design and the module do not define tests an imagined API. */
export const unknownApi = defineTestFileCheck({
  id: 'tests/unknown-api',
  severity: 'error',
  description: 'An acceptance test file may use only what the design (or the module) defines: importing a name the module does not have, or calling a method its class does not define, fails whatever the module does.',
  fixHint: "Use only the design's classes, functions and method names, spelled as the design spells them; drop tests of features the design does not have.",
  checkFile(file) {
    return apiProblems(file).filter((problem) => problem.kind === 'unknown').map(({ line, column, symbol, message }) => ({ line, column, symbol, message }));
  },
});
