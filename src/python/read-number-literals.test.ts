import { describe, expect, it } from 'vitest';
import type { NumberLiteral } from './python-model.js';
import { readPythonModule } from './read-module.js';

const SAMPLE = `LIMIT = 5


class Meter:
    RATE = 3

    def charge(self, minutes: int = 15, kind: Literal[7] = "a") -> int:
        if minutes > 60 or kind in (8, 9):
            time.sleep(0.5)
        total = minutes * 12 + rows[4] - items[:20][-1]
        total += 30
        self.cap = 40
        shown = f"{total * 100:.2f}"
        return round(total, ndigits=3)


def helper(values):
    return sorted(values, key=lambda value: value % 11)
`;

function brief(number: NumberLiteral): string {
  const detail = number.operator ?? number.callee ?? number.target ?? '';
  return `${number.text} ${number.role}${detail ? ` ${detail}` : ''}${number.keyword ? ` ${number.keyword}=` : ''} @${number.functionName ?? '-'}`;
}

describe('readNumberLiterals', () => {
  it('records every numeric literal with its role and enclosing function', async () => {
    const module = await readPythonModule(SAMPLE);
    expect(module.numbers.map(brief)).toEqual([
      '5 assignment LIMIT @-',
      '3 assignment RATE @-',
      '15 default @Meter.charge',
      '7 annotation @Meter.charge',
      '60 comparison > @Meter.charge',
      '8 comparison in @Meter.charge',
      '9 comparison in @Meter.charge',
      '0.5 call-argument time.sleep @Meter.charge',
      '12 arithmetic * @Meter.charge',
      '4 subscript @Meter.charge',
      '20 slice @Meter.charge',
      '-1 subscript @Meter.charge',
      '30 arithmetic += @Meter.charge',
      '40 assignment self.cap @Meter.charge',
      '100 arithmetic * @Meter.charge',
      '3 call-argument round ndigits= @Meter.charge',
      '11 arithmetic % @helper',
    ]);
  });

  it('parses values, signs and imaginary literals', async () => {
    const module = await readPythonModule('x = [1_000, 0x1F, -2.5e1, 3j, .5]\n');
    expect(module.numbers.map((number) => number.value)).toEqual([1000, 31, -25, Number.NaN, 0.5]);
  });
});
