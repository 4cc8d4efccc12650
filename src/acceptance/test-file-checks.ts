/** The one place this folder reaches issue 12 part 1's test-file checks. */
export { checkTestFile } from '../test-file/check-test-file.js';
export type { CheckTestFileInput, CriterionCoverage, TestFileReport } from '../test-file/check-test-file.js';
