import { defineTestFileCheck } from '../../../test-file/define-test-file-check.js';

/** `tests/file-wrapped`: a test file wrapped in markdown fences or prose, as a chat reply is. */
export const fileWrapped = defineTestFileCheck({
  id: 'tests/file-wrapped',
  severity: 'warning',
  description: 'An acceptance test file must be plain Python: markdown fences or prose around the code (a chat reply saved as is) stop Python from importing it; backsmith checks the code inside and reports what it removed.',
  fixHint: 'Save only the Python code: remove the ``` fence lines and every sentence before or after the code.',
  checkFile(file) {
    if (!file.wrapping) return [];
    return [{ line: file.wrapping.line, message: `The test file is wrapped in markdown or prose (${file.wrapping.summary}): Python cannot import it as it is; the checks read the code inside` }];
  },
});
