import { InvalidArgumentError } from 'commander';

/** Parsers of option values shared by the commands: a bad value is commander's one-line usage error (exit 2). */
export const optionValues = {
  /** A whole number from 0. */
  wholeNumber(value: string): number {
    const number = Number(value);
    if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(number)) throw new InvalidArgumentError('expected a whole number.');
    return number;
  },
  /** A parser of a whole number from `minimum` (to `maximum` when given), so a dry run refuses what the real run would. */
  count(minimum: number, maximum?: number): (value: string) => number {
    return (value) => {
      const number = optionValues.wholeNumber(value);
      if (number < minimum || (maximum !== undefined && number > maximum)) throw new InvalidArgumentError(maximum === undefined ? `expected a whole number from ${minimum}.` : `expected a whole number from ${minimum} to ${maximum}.`);
      return number;
    };
  },
  /** An amount in US dollars above 0. */
  amount(value: string): number {
    const number = Number(value);
    if (!/^\d+(\.\d+)?$/.test(value.trim()) || !(number > 0)) throw new InvalidArgumentError('expected an amount in US dollars above 0, e.g. 0.50.');
    return number;
  },
  /** A sampling temperature from 0 to 2. */
  temperature(value: string): number {
    const number = Number(value);
    if (!/^\d+(\.\d+)?$/.test(value.trim()) || number > 2) throw new InvalidArgumentError('expected a number from 0 to 2.');
    return number;
  },
};
