import { readFileSync } from 'node:fs';
import { testCheck } from '../../test-support/check-tester.js';
import { magicNumber } from './magic-number.js';

const FIXTURE = readFileSync(new URL('../../../../test-fixtures/generated/missing-hints-and-docstrings.py', import.meta.url), 'utf8');

testCheck(magicNumber, {
  valid: [
    'MAX_LOANS = 3\n\n\ndef can_borrow(count: int) -> bool:\n    return count < MAX_LOANS\n',
    { name: 'idiomatic small numbers', code: 'def f(items: list, x: float) -> object:\n    half = len(items) // 2\n    return items[0], items[-1], items[1:], round(x, 2), x ** 0.5, half % 2 == 0, max(0, x - 1)\n' },
    { name: 'percentages', code: 'def percent(part: float, whole: float) -> float:\n    return part / whole * 100\n' },
    { name: 'names, returns, defaults, annotations and collections', code: 'def f(limit: int = 10, kind: Literal[3, 4] = 3) -> list:\n    RETRIES = 5\n    timeout = 30\n    sizes = [8, 16, 32]\n    return [limit, RETRIES, timeout, sizes]\n\n\ndef g() -> int:\n    return 42\n' },
    { name: 'module and class level constants', code: 'LIMIT = 5\nWINDOW = LIMIT * 60\n\n\nclass Policy:\n    DAYS = 14\n    RATE = DAYS * 24\n' },
    { name: 'plumbing keywords and radixes', code: 'def f(data: dict, text: str) -> str:\n    warnings.warn("old", stacklevel=3)\n    return json.dumps(data, indent=4) + str(int(text, 16))\n' },
  ],
  invalid: [
    { code: 'def f(count: int) -> bool:\n    return count > 3\n', findings: [{ line: 2, messageIncludes: 'Magic number 3 in a comparison (`>`) in `f`', symbol: 'f' }] },
    { code: 'class Meter:\n    def fee(self, minutes: int) -> float:\n        return minutes * 0.25\n', findings: [{ line: 3, messageIncludes: '0.25 in arithmetic (`*`) in `Meter.fee`', symbol: 'Meter.fee' }] },
    { code: 'def f() -> None:\n    time.sleep(30)\n', findings: [{ line: 2, messageIncludes: 'an argument of `time.sleep()`' }] },
    { code: 'def due(start: date) -> date:\n    return start + timedelta(days=14)\n', findings: [{ line: 2, messageIncludes: 'the `days=` argument of `timedelta()`' }] },
    { code: 'def short(text: str) -> str:\n    return text[:50]\n', findings: [{ line: 2, messageIncludes: 'a slice bound' }] },
    { code: 'def f(x: int) -> bool:\n    return x in (3, 5)\n', findings: [{ line: 2, messageIncludes: 'Magic numbers 3 and 5 in a comparison (`in`)' }] },
    { name: 'one finding per line', code: 'def f(text: str) -> object:\n    return datetime(2024, 3, 9), text[:300] + text[:300]\n', findings: [{ line: 2, messageIncludes: 'Magic numbers 2024, 3, 9 and 300 in an argument of `datetime()`' }] },
    { code: 'def f(x: int) -> int:\n    total = x\n    total -= 10\n    return total\n', findings: [{ line: 3, messageIncludes: '(`-=`)' }] },
    { name: 'a module-level table of validator lambdas is logic', code: 'MAX_PEOPLE = 50\nRULES = [\n    (lambda people: 1 <= people <= MAX_PEOPLE, "ok"),\n    (lambda people: people <= 50, "Too many"),\n]\nDEFAULT = lambda: 5\n', findings: [{ line: 4, messageIncludes: 'Magic number 50 in a comparison (`<=`) in `a module-level lambda`' }] },
    { name: 'numbers in lambdas and f-strings count', code: 'def f(rows: list) -> object:\n    rows.sort(key=lambda row: row % 7)\n    return f"{len(rows) * 60}"\n', findings: [{ line: 2, messageIncludes: '7' }, { line: 3, messageIncludes: '60' }] },
    {
      name: 'fixture: hard-coded limits',
      code: FIXTURE,
      findings: [{ line: 22, messageIncludes: 'Magic number 50 in a comparison (`>`)' }, { line: 31, messageIncludes: 'Magic number -5 in a slice bound' }],
    },
  ],
});
