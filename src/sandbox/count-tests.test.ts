import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { countTests, testKey } from './count-tests.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test-fixtures/tests-count');
const file = (name: string) => ({ name, content: readFileSync(path.join(FIXTURES, name), 'utf8') });

describe('countTests', () => {
  it('finds unittest methods (inherited within the file) and pytest-style tests', async () => {
    const counted = await countTests([file('test_mixed_styles.py')]);
    expect(counted.unittest).toEqual([
      'test_mixed_styles.py::BaseChecks::test_base_ok',
      'test_mixed_styles.py::BorrowTests::test_base_ok',
      'test_mixed_styles.py::BorrowTests::test_borrow',
      'test_mixed_styles.py::BorrowTests::test_return_late',
      'test_mixed_styles.py::DeepTests::test_base_ok',
      'test_mixed_styles.py::DeepTests::test_borrow',
      'test_mixed_styles.py::DeepTests::test_deep',
      'test_mixed_styles.py::DeepTests::test_return_late',
    ]);
    expect(counted.pytestOnly).toEqual([
      'test_mixed_styles.py::TestPlain::test_plain_method',
      'test_mixed_styles.py::test_function',
      'test_mixed_styles.py::test_parametrised',
    ]);
  });
});

describe('testKey', () => {
  const files = ['test_a.py', 'test_b.py'];
  it.each([
    ['test_a.py::TestX::test_y', 'test_a.py::TestX::test_y'],
    ['test_a.py::test_p[1-2]', 'test_a.py::test_p'],
    ['test_b.Cases.test_z', 'test_b.py::Cases::test_z'],
    ['other.Cases.test_z', null],
    ['test_c.py::test_q', null],
  ])('%s → %s', (id, key) => {
    expect(testKey(id, files)).toBe(key);
  });
});
