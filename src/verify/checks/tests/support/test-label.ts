import type { TestCaseResult } from '../../../../sandbox/runtime-types.js';

/** `test_us003_ac2_x (US-003 AC2, test_file.py:42)`: how findings name a test. */
export function testLabel(test: TestCaseResult): string {
  const ids = [test.story, test.criterion].filter(Boolean).join(' ');
  const where = test.file ? `${test.file}${test.line ? `:${test.line}` : ''}` : '';
  const details = [ids, where].filter(Boolean).join(', ');
  return details ? `${test.name} (${details})` : test.name;
}
