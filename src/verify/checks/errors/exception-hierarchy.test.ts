import { testCheck } from '../../test-support/check-tester.js';
import { readDesign } from '../../../inputs/design/read-design.js';
import { exceptionHierarchy } from './exception-hierarchy.js';

testCheck(exceptionHierarchy, {
  valid: [
    { name: 'one base and subclasses, directly and indirectly', code: `class ShopError(Exception):
    pass


class NotFound(ShopError):
    pass


class ItemNotFound(NotFound, KeyError):
    pass
` },
    { name: 'a base deriving from a built-in error', code: 'class ParseError(ValueError):\n    pass\n\n\nclass BadDate(ParseError):\n    pass\n' },
    { name: 'a single base exception is a hierarchy of one', code: 'class ShopError(Exception):\n    pass\n' },
    { name: 'warning categories are not part of the error hierarchy', code: 'class ShopError(Exception):\n    pass\n\n\nclass LegacyWarning(DeprecationWarning):\n    pass\n' },
  ],
  invalid: [
    { name: 'no custom exception at all', code: 'class Shop:\n    pass\n', findings: [{ line: 0, messageIncludes: 'defines no custom exception' }] },
    { name: 'a flat list of exceptions without a base', code: `class ItemNotFound(Exception):
    pass


class OutOfStock(Exception):
    pass


class BadQuantity(ValueError):
    pass
`, findings: [
      { line: 5, messageIncludes: 'OutOfStock shares no base with ItemNotFound, BadQuantity: the module\'s exceptions are a flat list' },
      { line: 9, messageIncludes: 'BadQuantity shares no base with ItemNotFound, OutOfStock' },
    ] },
    { name: 'the larger tree is the base; a stray root is flagged', code: `class Stray(Exception):
    pass


class ShopError(Exception):
    pass


class NotFound(ShopError):
    pass
`, findings: [{ line: 1, messageIncludes: 'Stray does not derive from ShopError', symbol: 'Stray' }] },
    { name: 'deriving straight from BaseException', code: 'class ShopError(BaseException):\n    pass\n\n\nclass NotFound(ShopError):\n    pass\n', findings: [{ line: 1, messageIncludes: 'derives from BaseException' }] },
  ],
});

const functionsOnlyDesign = readDesign('# Calculator\n\n```python\ndef split_bill(total: str, people: int) -> dict[str, Any]:\n    """Never raises: errors come back as failure responses."""\n```\n');
const designWithErrors = readDesign('# Calculator\n\n```python\nclass CalcError(Exception):\n    pass\n\n\ndef split_bill(total: str, people: int) -> dict[str, Any]: ...\n```\n');
const SPLIT = 'def split_bill(total: str, people: int) -> dict:\n    if people < 1:\n        return {"success": False, "message": "Enter people.", "data": None}\n    return {"success": True, "message": "ok", "data": None}\n';

testCheck(exceptionHierarchy, {
  prepare: async (context) => ({ ...context, design: await functionsOnlyDesign }),
  valid: [
    { name: 'a design with no exception, a module that raises none', code: SPLIT },
    { name: 'a design with no exception, a raise caught by the function raising it', code: `from decimal import Decimal, InvalidOperation\n\n\n${SPLIT}\n\ndef parse(text: str) -> Decimal | None:\n    try:\n        value = Decimal(text)\n        if not value.is_finite():\n            raise InvalidOperation(text)\n    except InvalidOperation:\n        return None\n    return value\n` },
  ],
  invalid: [{ name: 'a design with no exception, a module that raises a built-in error', code: `${SPLIT}\n\ndef parse(text: str) -> int:\n    if not text:\n        raise ValueError("empty")\n    return int(text)\n`, findings: [{ line: 0, messageIncludes: 'defines no custom exception' }] }],
});

testCheck(exceptionHierarchy, {
  prepare: async (context) => ({ ...context, design: await designWithErrors }),
  valid: [],
  invalid: [{ name: 'a design that declares exceptions, a module that defines none', code: SPLIT, findings: [{ line: 0, messageIncludes: 'defines no custom exception' }] }],
});
