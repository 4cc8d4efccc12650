import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from './retry-after.js';

const NOW = Date.parse('2025-06-01T12:00:00Z');

describe('parseRetryAfter', () => {
  it.each([
    [{ 'retry-after': '2' }, 2000],
    [{ 'retry-after': '0' }, 0],
    [{ 'retry-after': '1.5' }, 1500],
    [{ 'Retry-After': '3' }, 3000],
    [{ 'retry-after-ms': '1200.4' }, 1201],
    [{ 'retry-after-ms': '250', 'retry-after': '9' }, 250],
    [{ 'retry-after-ms': 'soon', 'retry-after': '4' }, 4000],
    [{ 'retry-after': 'Sun, 01 Jun 2025 12:00:05 GMT' }, 5000],
    [{ 'retry-after': 'Sun, 01 Jun 2025 11:59:00 GMT' }, 0],
  ])('%o → %d ms', (headers, expected) => {
    expect(parseRetryAfter(headers, NOW)).toBe(expected);
  });

  it.each([[undefined], [{}], [{ 'retry-after': '' }], [{ 'retry-after': 'whenever' }], [{ 'retry-after': '-3' }]])('%o → undefined', (headers) => {
    expect(parseRetryAfter(headers, NOW)).toBeUndefined();
  });
});
