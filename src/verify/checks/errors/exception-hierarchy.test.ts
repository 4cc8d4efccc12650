import { testCheck } from '../../test-support/check-tester.js';
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
