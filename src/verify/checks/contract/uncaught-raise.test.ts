import { testCheck } from '../../test-support/check-tester.js';
import { uncaughtRaise } from './uncaught-raise.js';

const PRELUDE = `"""Shelf service."""
# Shelf service for the lending desk.
from typing import Any


class ShelfError(Exception):
    def __init__(self, message: str, code: str = "SHELF") -> None:
        super().__init__(message)
        self.message = message
        self.code = code


class NotFoundError(ShelfError):
    pass


class Shelf:
`;
// PRELUDE is 17 lines: the first method starts on line 18.

testCheck(uncaughtRaise, {
  valid: [
    { name: 'raise caught by the base class handler', code: `${PRELUDE}    def take(self, name: str) -> dict[str, Any]:
        try:
            if name not in self._items:
                raise NotFoundError(f"No {name}", "NOT_FOUND")
            return {"success": True, "message": "Taken", "data": name}
        except ShelfError as error:
            return {"success": False, "message": error.message, "data": None}
` },
    { name: 'raise caught by Exception, and a built-in caught by its base', code: `${PRELUDE}    def take(self, name: str) -> dict[str, Any]:
        try:
            if not name:
                raise ValueError("Name is required")
            if name == "?":
                raise KeyError(name)
        except LookupError:
            return {"success": False, "message": "unknown", "data": None}
        except Exception as error:
            return {"success": False, "message": str(error), "data": None}
        return {"success": True, "message": "ok", "data": None}
` },
    { name: 'helpers that raise, reached only through a guard (reference pattern)', code: `${PRELUDE}    def take(self, name: str) -> dict[str, Any]:
        return self._run(lambda: self._take(name))

    def _run(self, operation) -> dict[str, Any]:
        try:
            message, data = operation()
        except ShelfError as error:
            return {"success": False, "message": error.message, "data": None}
        return {"success": True, "message": message, "data": data}

    def _take(self, name):
        invalid = NotFoundError.from_code("NOT_FOUND")
        if name not in self._items:
            raise invalid
        return check(name), name


def check(name: str) -> str:
    if not name:
        raise NotFoundError("empty")
    return name
` },
    { name: 'a handler converting one error into a response-building one that is caught outside', code: `${PRELUDE}    def take(self, name: str) -> dict[str, Any]:
        try:
            try:
                value = int(name)
            except ValueError as error:
                raise NotFoundError(str(error)) from error
        except ShelfError as error:
            return {"success": False, "message": error.message, "data": None}
        return {"success": True, "message": "ok", "data": value}
` },
    { name: 'private helpers and __init__ may raise', code: `${PRELUDE}    def __init__(self, size: int) -> None:
        if size < 0:
            raise ValueError("size")

    def _check(self, name: str) -> None:
        raise NotFoundError(name)
` },
    { name: 'an unresolved raised value inside some try is not judged', code: `${PRELUDE}    def take(self, name: str) -> dict[str, Any]:
        try:
            raise self._error_for(name)
        except NotFoundError:
            return {"success": False, "message": "no", "data": None}
` },
  ],
  invalid: [
    { name: 'a ValueError raised straight out of a public method', code: `${PRELUDE}    def take(self, name: str) -> dict[str, Any]:
        if not name:
            raise ValueError("Name is required")
        return {"success": True, "message": "ok", "data": name}
`, findings: [{ line: 20, messageIncludes: 'ValueError (raised here) escapes take uncaught', symbol: 'Shelf.take' }] },
    { name: 'a handler for the wrong type, and a handler that re-raises', code: `${PRELUDE}    def take(self, name: str) -> dict[str, Any]:
        try:
            if not name:
                raise NotFoundError("Name is required")
        except ValueError:
            return {"success": False, "message": "bad", "data": None}
        try:
            self._items.remove(name)
        except KeyError:
            raise
        return {"success": True, "message": "ok", "data": name}
`, findings: [
      { line: 21, messageIncludes: 'NotFoundError (raised here) escapes take' },
      { line: 27, messageIncludes: 'bare `raise` re-raises the caught exception out of take' },
    ] },
    { name: 'a helper called directly raises, reported once for both callers', code: `${PRELUDE}    def take(self, name: str) -> dict[str, Any]:
        self._validate(name)
        return {"success": True, "message": "ok", "data": name}

    def put(self, name: str) -> dict[str, Any]:
        try:
            self._validate(name)
        except RuntimeError:
            return {"success": False, "message": "bad", "data": None}
        return {"success": True, "message": "ok", "data": name}

    def _validate(self, name: str) -> None:
        if not name:
            raise NotFoundError.from_code("EMPTY")
`, findings: [{ line: 31, messageIncludes: 'NotFoundError (raised in _validate) escapes take, put uncaught', symbol: 'Shelf._validate' }] },
    { name: 'a module function raising through a lambda passed to a non-guard', code: `${PRELUDE}    def take(self, name: str) -> dict[str, Any]:
        return self._apply(lambda: parse(name))

    def _apply(self, action) -> dict[str, Any]:
        return {"success": True, "message": "ok", "data": action()}


def parse(text: str) -> int:
    if not text.isdigit():
        raise ShelfError("Not a number", "NAN")
    return int(text)
`, findings: [{ line: 27, messageIncludes: 'ShelfError (raised in parse) escapes take' }] },
    { name: 'an exception deriving from BaseException passes through except Exception', code: `${PRELUDE}    def take(self, name: str) -> dict[str, Any]:
        try:
            raise Abort("stop")
        except Exception:
            return {"success": False, "message": "no", "data": None}


class Abort(BaseException):
    pass
`, findings: [{ line: 20, messageIncludes: 'Abort' }] },
  ],
});
