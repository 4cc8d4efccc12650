import { readFileSync } from 'node:fs';
import { testCheck } from '../../test-support/check-tester.js';
import { missingTypeHints } from './missing-type-hints.js';

const FIXTURE = readFileSync(new URL('../../../../test-fixtures/generated/missing-hints-and-docstrings.py', import.meta.url), 'utf8');

testCheck(missingTypeHints, {
  valid: [
    'def add(a: int, b: int = 1) -> int:\n    return a + b\n',
    { name: 'self, cls and a static method', code: 'class A:\n    def __init__(self, x: int) -> None:\n        self.x = x\n\n    @classmethod\n    def make(cls) -> "A":\n        return cls(1)\n\n    @staticmethod\n    def twice(x: int) -> int:\n        return 2 * x\n' },
    { name: 'annotated *args and **kwargs, keyword-only and positional-only', code: 'def f(a: int, /, b: str, *args: int, c: bool = True, **kwargs: object) -> None:\n    pass\n' },
    { name: 'nested functions and lambdas are not checked', code: 'def outer() -> int:\n    def inner(x):\n        return x\n    return (lambda y: y)(inner(1))\n' },
  ],
  invalid: [
    { code: 'def add(a, b: int):\n    return a + b\n', findings: [{ line: 1, messageIncludes: 'parameter `a`; the return annotation', symbol: 'add' }] },
    { code: 'class A:\n    def __init__(self, x: int):\n        self.x = x\n', findings: [{ line: 2, messageIncludes: 'the return annotation `-> None`', symbol: 'A.__init__' }] },
    { code: 'class A:\n    def __init__(self) -> "A":\n        pass\n', findings: [{ line: 2, messageIncludes: 'found `-> "A"`' }] },
    { name: 'a static method has no implicit first parameter', code: 'class A:\n    @staticmethod\n    def f(x) -> int:\n        return x\n', findings: [{ line: 3, messageIncludes: 'parameter `x`' }] },
    { code: 'def f(*args, **kwargs) -> None:\n    pass\n', findings: [{ line: 1, messageIncludes: 'parameters `*args` and `**kwargs`' }] },
    {
      name: 'fixture: missing hints everywhere',
      code: FIXTURE,
      findings: [
        { line: 9, messageIncludes: 'parameters `message` and `code`; the return annotation `-> None`', symbol: 'TipError.__init__' },
        { line: 17, symbol: 'TipCalculator.__init__' },
        { line: 21, messageIncludes: 'parameters `total`, `people` and `tip_percent`; the return annotation', symbol: 'TipCalculator.split' },
        { line: 29, messageIncludes: '`*names` and `**options`', symbol: 'TipCalculator.recent' },
        { line: 34, symbol: 'round_to_cents' },
      ],
    },
  ],
});
