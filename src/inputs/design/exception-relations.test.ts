import { describe, expect, it } from 'vitest';
import { readExceptionRelations } from './exception-relations.js';

const BUILTINS = new Set(['Exception', 'ValueError', 'KeyError', 'RuntimeError']);
const read = (text: string) => readExceptionRelations(text, BUILTINS).map((relation) => `${relation.name}(${relation.base})`);

describe('exception hierarchies stated in sentences', () => {
  const CASES: Array<[string, string[]]> = [
    ['**Errors**: `QueueFull` and `UnknownJob`, both subclasses of `PrintQueueError` (an `Exception`).', ['PrintQueueError(Exception)', 'QueueFull(PrintQueueError)', 'UnknownJob(PrintQueueError)']],
    ['`spend` may raise `A1` or `B1`; `earn` may raise `C1` — all three are subclasses of `CreditError`, which in turn extends `ValueError`.', ['CreditError(ValueError)', 'A1(CreditError)', 'B1(CreditError)', 'C1(CreditError)']],
    ['`ShopError` is the base (`Exception`). `PartShortage` and `DayFull` inherit from it.', ['ShopError(Exception)', 'PartShortage(ShopError)', 'DayFull(ShopError)']],
    ['Errors: `AlertError(Exception)`, `UnknownRoute(AlertError)`, `InvalidPhone(AlertError)`.', ['AlertError(Exception)', 'UnknownRoute(AlertError)', 'InvalidPhone(AlertError)']],
    ['`lend` raises `ToolOnLoan`. Both are `ShedError` subclasses, and `ShedError` subclasses `Exception`.', ['ShedError(Exception)', 'ToolOnLoan(ShedError)']],
    ['`Full` and `Gone` (both `LibraryError`; `LibraryError` is an `Exception`).', ['LibraryError(Exception)', 'Full(LibraryError)', 'Gone(LibraryError)']],
    ['All errors derive from `FridgeError`, which derives from `Exception`: `Past`, `Unknown` and `Short`.', ['FridgeError(Exception)', 'Past(FridgeError)', 'Unknown(FridgeError)', 'Short(FridgeError)']],
    ['Twice gives `DoubleBooking`. Both are defined as `class X(SocietyError)`, and `SocietyError(Exception)` is their base.', ['SocietyError(Exception)', 'DoubleBooking(SocietyError)']],
    ['Exceptions (all derive from `RegisterError`, itself an `Exception`):', ['RegisterError(Exception)']],
  ];
  for (const [text, expected] of CASES) it(text, () => expect(read(text).sort()).toEqual([...expected].sort()));

  it('relations to a base that is no exception are not exceptions', () => {
    expect(read('`Savings` inherits from `Account`, and `Account` extends `BaseModel`.')).toEqual([]);
    expect(read('`Money(Decimal)` wraps an amount; `Wallet` holds a list of `Money`.')).toEqual([]);
  });

  it('takes linear time on a long paragraph of names and relations', () => {
    const paragraph = Array.from({ length: 3000 }, (_, index) => `\`E${index}\` and \`F${index}\` derive from \`Base${index}Error\``).join(', ');
    const started = process.hrtime.bigint();
    expect(read(paragraph).length).toBeGreaterThan(0);
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(1500);
  });
});
