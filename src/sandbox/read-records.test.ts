import { describe, expect, it } from 'vitest';
import { jsonNestingDepth, readRecords, RECORD_LIMITS } from './read-records.js';

const SECRET = 's3cret';
const line = (record: Record<string, unknown>) => `${JSON.stringify({ ...record, secret: SECRET })}\n`;

describe('readRecords', () => {
  it('accepts records with the secret and removes it', () => {
    expect(readRecords(line({ event: 'start' }) + line({ event: 'done' }), SECRET)).toEqual({ records: [{ event: 'start' }, { event: 'done' }], problems: [] });
  });

  it.each([
    ['an unclosed 200 000-deep array', `${'['.repeat(200_000)}\n`, 'nested more than 32 levels'],
    ['a valid 100 000-deep array', `${'['.repeat(100_000)}${']'.repeat(100_000)}\n`, 'nested more than 32 levels'],
    ['a valid 40-deep object', `${'{"a":'.repeat(40)}1${'}'.repeat(40)}\n`, 'nested more than 32 levels'],
    ['a record without the secret', '{"event": "done"}\n', "lacks the run's secret"],
    ['a record with a wrong secret', '{"event": "done", "secret": "guess"}\n', 'carries a wrong secret'],
    ['a torn last record', '{"event": "done", "secr', 'was cut off'],
    ['a line that is not JSON', 'hello\n', 'not valid JSON'],
    ['a JSON array', '[1, 2]\n', 'not a JSON object'],
    ['an oversized record', `${JSON.stringify({ event: 'test', message: 'x'.repeat(RECORD_LIMITS.maxRecordChars), secret: SECRET })}\n`, 'characters long'],
  ])('rejects %s as a problem, never a crash', (_label, text, problem) => {
    const reading = readRecords(line({ event: 'start' }) + text, SECRET);
    expect(reading.records).toEqual([{ event: 'start' }]);
    expect(reading.problems.join('\n')).toContain(problem);
  });

  it('bounds the record count and the problems listed', () => {
    const reading = readRecords(line({ event: 'x' }).repeat(30) + 'noise\n'.repeat(30), SECRET, { ...RECORD_LIMITS, maxRecords: 20 });
    expect(reading.records).toHaveLength(20);
    expect(reading.problems[0]).toContain('more than 20 records');
    const noisy = readRecords('noise\n'.repeat(30), SECRET);
    expect(noisy.problems).toHaveLength(11);
    expect(noisy.problems.at(-1)).toContain('20 more rejected records');
  });

  it('reads without a secret when none is given (the secret field stays)', () => {
    expect(readRecords('{"a":1}\n', null).records).toEqual([{ a: 1 }]);
  });
});

describe('jsonNestingDepth', () => {
  it('counts brackets outside strings only, linearly', () => {
    expect(jsonNestingDepth('{"a": "[[[{{{", "b": [[1]]}')).toBe(3);
    expect(jsonNestingDepth('"\\"[["')).toBe(0);
    const started = performance.now();
    expect(jsonNestingDepth('['.repeat(5_000_000), 32)).toBe(33);
    expect(jsonNestingDepth(`"${'['.repeat(5_000_000)}"`, 32)).toBe(0);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
