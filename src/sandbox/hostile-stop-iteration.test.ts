import { describe, expect, it } from 'vitest';
import { canSandbox } from './test-support/runtime-fixtures.js';
import { outcomesByName, runHostileTests } from './test-support/run-hostile-tests.js';

// A wrong module whose calls raise StopIteration (test-fixtures/hostile/stop_iteration.py): called through map(), or
// a callable iterator, the rebuilt StopIteration ended the tests' iteration silently, so all(map(gate.is_open, ...))
// was True and every test passed. A StopIteration from anything but next() on the module's iterator is now a
// RuntimeError in the tests, as Python makes one raised inside a generator (PEP 479).
const usable = await canSandbox();

describe.skipIf(!usable)('a StopIteration from the module', () => {
  it('ends no iteration of the tests: each such test errors', async () => {
    const byName = outcomesByName(await runHostileTests('stop_iteration.py', 'test_stop_iteration.py'));
    for (const name of ['test_all_open', 'test_no_fees', 'test_tickets_until_sentinel']) {
      expect(byName[name]).toMatch(/^error: RuntimeError: the module raised StopIteration/);
    }
    expect(byName.test_expected_stop_from_next).toBe('passed: ');
  });
});
