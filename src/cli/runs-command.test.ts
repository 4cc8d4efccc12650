import { describe, expect, it } from 'vitest';
import { runCliInMemory as run } from './test-support/run-cli-in-memory.js';

describe('backsmith runs options', () => {
  it.each([['0'], ['abc'], ['-3'], ['1.5'], ['2x'], ['99999999999999999999']])('--limit %s is bad usage: exit 2 with one line naming the option', async (value) => {
    const result = await run(['runs', '--limit', value]);
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err.split('\n')[0]).toMatch(/--limit.*expected a whole number from 1/);
  });

  it('rejects an unknown option with exit 2', async () => {
    const result = await run(['runs', '--limt', '3']);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/unknown option '--limt'/);
  });
});
