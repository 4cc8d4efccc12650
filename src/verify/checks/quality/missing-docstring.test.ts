import { readFileSync } from 'node:fs';
import { testCheck } from '../../test-support/check-tester.js';
import { missingDocstring } from './missing-docstring.js';

const FIXTURE = readFileSync(new URL('../../../../test-fixtures/generated/missing-hints-and-docstrings.py', import.meta.url), 'utf8');

testCheck(missingDocstring, {
  valid: [
    '"""Doc."""\n\n\nclass A:\n    """A."""\n\n    def run(self) -> None:\n        """Run."""\n',
    { name: 'private helpers and dunders are exempt', code: '"""Doc."""\n\n\ndef _helper() -> None:\n    pass\n\n\nclass A:\n    """A."""\n\n    def __repr__(self) -> str:\n        return "A"\n\n    def _step(self) -> None:\n        pass\n' },
    { name: '__init__ without parameters', code: '"""Doc."""\n\n\nclass A:\n    """A."""\n\n    def __init__(self) -> None:\n        self.x = 1\n' },
    { name: '__init__ documented by the class docstring', code: '"""Doc."""\n\n\nclass A:\n    """A.\n\n    Args:\n        x: The x.\n    """\n\n    def __init__(self, x: int) -> None:\n        self.x = x\n' },
    { name: '__init__ documented by reST fields of the class docstring', code: '"""Doc."""\n\n\nclass A:\n    """A.\n\n    :param x: the x\n    """\n\n    def __init__(self, x: int) -> None:\n        self.x = x\n' },
    { name: 'property setters and overloads share their docstring', code: '"""Doc."""\n\n\nclass A:\n    """A."""\n\n    @property\n    def x(self) -> int:\n        """The x."""\n        return 1\n\n    @x.setter\n    def x(self, value: int) -> None:\n        pass\n\n    @overload\n    def get(self, key: int) -> int: ...\n' },
    { name: 'the brief\'s exception template: Attributes document __init__', code: '"""Doc."""\n\n\nclass CustomError(Exception):\n    """Raised when it fails.\n\n    Attributes:\n        message: Human-readable error message\n        code: Error code for programmatic handling\n    """\n    def __init__(self, message: str, code: str = "ERROR") -> None:\n        self.message = message\n        self.code = code\n        super().__init__(self.message)\n' },
    { name: 'methods of a private class', code: '"""Doc."""\n\n\nclass _Cache:\n    """Cache."""\n\n    def get(self) -> None:\n        pass\n' },
  ],
  invalid: [
    { code: 'import os\n', findings: [{ line: 1, messageIncludes: 'The module has no docstring' }] },
    { code: '"""Doc."""\n\n\ndef run() -> None:\n    pass\n', findings: [{ line: 4, messageIncludes: 'Public function `run`', symbol: 'run' }] },
    { code: '"""Doc."""\n\n\nclass _Hidden:\n    pass\n', findings: [{ line: 4, messageIncludes: 'Class `_Hidden`' }] },
    { name: 'class Attributes that miss a parameter', code: '"""Doc."""\n\n\nclass Box:\n    """Box.\n\n    Attributes:\n        size: The size.\n    """\n\n    def __init__(self, size: int, colour: str) -> None:\n        self.size = size\n', findings: [{ line: 11, messageIncludes: 'does not document them' }] },
    {
      name: 'fixture: missing docstrings',
      code: FIXTURE,
      findings: [
        { line: 9, messageIncludes: '`TipError.__init__` takes parameters' },
        { line: 15, messageIncludes: 'Class `TipCalculator`' },
        { line: 17, messageIncludes: '`TipCalculator.__init__` takes parameters' },
        { line: 21, messageIncludes: 'Public method `TipCalculator.split`', symbol: 'TipCalculator.split' },
        { line: 34, messageIncludes: 'Public function `round_to_cents`' },
      ],
    },
  ],
});
