import { describe, expect, it } from 'vitest';
import { lineIndexAt, lineStartsOf } from './line-starts.js';

describe('line starts', () => {
  it.each([
    ['', [0]],
    ['one', [0]],
    ['a\nbc\n', [0, 2, 5]],
    ['\n\n', [0, 1, 2]],
  ])('%j starts its lines at %j', (text, starts) => {
    expect(lineStartsOf(text)).toEqual(starts);
  });

  it.each([
    [0, 0], [1, 0], [2, 1], [4, 1], [5, 2], [99, 2],
  ])('offset %i is on line index %i of "a\\nbc\\n"', (offset, line) => {
    expect(lineIndexAt(lineStartsOf('a\nbc\n'), offset)).toBe(line);
  });
});
