import { defineTestFileCheck } from '../../../test-file/define-test-file-check.js';

/** `tests/file-not-python`: a test file that is not Python (even with fences and prose removed) cannot test anything. */
export const fileNotPython = defineTestFileCheck({
  id: 'tests/file-not-python',
  severity: 'error',
  description: 'An acceptance test file must be valid Python once any markdown fences and prose around it are removed: a file that does not compile (truncated, literal \\n escapes, a pasted traceback) cannot verify the module.',
  fixHint: 'Write the test file again as one complete Python module: only code, real line breaks, every block closed, no markdown or traceback text.',
  readsInvalidFiles: true,
  checkFile(file) {
    if (!file.invalid) return [];
    const { line, column, message, note } = file.invalid;
    return [{ line, ...(column > 0 ? { column } : {}), message: `The test file is not valid Python (${message}${line > 0 && !message.includes(`line ${line}`) ? ` at line ${line}` : ''})${note ? `: ${note}` : ''}, so it cannot verify the module` }];
  },
});
