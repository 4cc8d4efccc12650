import { testCheck } from '../../test-support/check-tester.js';
import { baseExceptionFields } from './base-exception-fields.js';

testCheck(baseExceptionFields, {
  valid: [
    { name: 'the brief\'s pattern', code: `class ShopError(Exception):
    def __init__(self, message: str, code: str = "SHOP_ERROR") -> None:
        self.message = message
        self.code = code
        super().__init__(self.message)


class NotFound(ShopError):
    pass
` },
    { name: 'Exception.__init__ called explicitly, fields set afterwards', code: `class ShopError(Exception):
    def __init__(self, message, code="E"):
        Exception.__init__(self, message)
        self.message = message
        self.code = code
` },
    { name: 'class attributes / dataclass fields', code: `@dataclass
class ShopError(Exception):
    message: str
    code: str = "SHOP"
` },
    { name: 'no custom exceptions: nothing to judge here', code: 'x = 1\n' },
    { name: 'a flat list has no base to judge (errors/exception-hierarchy reports it)', code: 'class A(Exception):\n    pass\n\n\nclass B(Exception):\n    pass\n' },
  ],
  invalid: [
    { name: 'a base without fields', code: 'class ShopError(Exception):\n    """Base."""\n\n\nclass NotFound(ShopError):\n    pass\n', findings: [{ line: 1, messageIncludes: 'does not carry `message` or `code`', symbol: 'ShopError' }] },
    { name: 'code missing and super().__init__ not called', code: `class ShopError(Exception):
    def __init__(self, message: str) -> None:
        self.message = message
`, findings: [
      { line: 2, messageIncludes: 'does not carry `code`' },
      { line: 2, messageIncludes: 'does not call super().__init__' },
    ] },
  ],
});
