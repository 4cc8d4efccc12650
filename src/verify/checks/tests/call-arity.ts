import { apiProblems } from '../../../test-file/api-uses.js';
import { defineTestFileCheck } from '../../../test-file/define-test-file-check.js';

/** `tests/call-arity`: a test that calls the module with arguments its signatures do not take fails for the wrong reason. */
export const callArity = defineTestFileCheck({
  id: 'tests/call-arity',
  severity: 'error',
  description: "An acceptance test file must call the module's constructors, functions and methods with arguments that fit their signatures in the design (or the module): too many or too few arguments, or a keyword the signature lacks, raise TypeError whatever the module does.",
  fixHint: "Call each constructor, function and method with the parameters of its signature in the design: the same count, order and keyword names.",
  checkFile(file) {
    return apiProblems(file).filter((problem) => problem.kind === 'arity').map(({ line, column, symbol, message }) => ({ line, column, symbol, message }));
  },
});
