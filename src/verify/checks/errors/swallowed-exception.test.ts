import { testCheck } from '../../test-support/check-tester.js';
import { swallowedException } from './swallowed-exception.js';

const PRELUDE = `"""Poll service."""
import logging
from typing import Any

logger = logging.getLogger(__name__)

`;
// PRELUDE is 6 lines: the code starts on line 7.

testCheck(swallowedException, {
  valid: [
    { name: 'contextlib.suppress of the specific errors expected', code: `${PRELUDE}import contextlib


def drop(cache: dict[str, int], key: str) -> None:
    with contextlib.suppress(KeyError, StopIteration):
        del cache[key]
` },
    { name: 'a functools.wraps handler that logs and returns an error response (the brief allows it)', code: `${PRELUDE}import functools


def safe(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except Exception:
            logger.exception("failed")
            return {"success": False, "message": "Unexpected error.", "data": None}

    return wrapper
` },
    { name: "the brief's top-level handler returns an error response", code: `${PRELUDE}class Polls:
    def vote(self, poll_id: int) -> dict[str, Any]:
        try:
            return {"success": True, "message": "ok", "data": self._count(poll_id)}
        except Exception as error:
            return {"success": False, "message": f"Unexpected error: {error}", "data": None}
` },
    { name: 'error responses built by helpers (fixed, with a success parameter, through a guard)', code: `${PRELUDE}def _failure(message: str) -> dict[str, Any]:
    return {"success": False, "message": message, "data": None}


class Polls:
    def one(self) -> dict[str, Any]:
        try:
            return self._respond(True, "ok")
        except BaseException as error:
            return self._respond(False, str(error))

    def two(self) -> dict[str, Any]:
        try:
            return self._respond(True, "ok")
        except Exception as error:
            return _failure(str(error))

    def three(self) -> dict[str, Any]:
        try:
            return self._respond(True, "ok")
        except (ValueError, Exception) as error:
            response = {"success": False, "message": str(error), "data": None}
            return response

    def _respond(self, success: bool, message: str) -> dict[str, Any]:
        return {"success": success, "message": message, "data": None}
` },
    { name: 're-raising, raising a domain error, logging', code: `${PRELUDE}class Polls:
    def __init__(self) -> None:
        self._logger = logging.getLogger("polls")

    def one(self) -> None:
        try:
            self.load()
        except Exception:
            raise

    def two(self) -> None:
        try:
            self.load()
        except Exception as error:
            raise RuntimeError("load failed") from error

    def three(self) -> None:
        for name in ["a", "b"]:
            try:
                self.load()
            except Exception:
                logger.exception("could not load %s", name)
                continue

    def four(self) -> None:
        try:
            self.load()
        except Exception as error:
            self._logger.warning("load failed: %s", error)

    def load(self) -> None:
        pass
` },
    { name: 'an error response bound in the handler and returned after the try', code: `${PRELUDE}def _fail(message: str) -> dict[str, Any]:
    return {"success": False, "message": message, "data": None}


def vote(poll_id: int) -> dict[str, Any]:
    try:
        result = {"success": True, "message": "Voted.", "data": poll_id}
    except Exception as error:
        result = {"success": False, "message": str(error), "data": None}
    return result


def close(poll_id: int) -> dict[str, Any]:
    try:
        response = {"success": True, "message": "Closed.", "data": poll_id}
    except Exception:
        response = _fail("Could not close the poll.")
    return response
` },
    { name: 'specific exception types may be handled quietly', code: `${PRELUDE}def parse(text: str) -> int | None:
    try:
        return int(text)
    except (ValueError, TypeError):
        return None
` },
  ],
  invalid: [
    { name: 'contextlib.suppress(Exception) around real work (imported either way)', code: `${PRELUDE}import contextlib
from contextlib import suppress


def count(days: set[int]) -> int:
    total = 0
    with contextlib.suppress(Exception):
        total = len(days)
    with suppress(ValueError, BaseException):
        total += 1
    return total
`, findings: [
      { line: 13, messageIncludes: '`contextlib.suppress(Exception)` in count silently discards every error' },
      { line: 15, messageIncludes: '`suppress(ValueError, BaseException)` in count' },
    ] },
    { name: 'a functools.wraps handler that catches everything and returns None', code: `${PRELUDE}import functools


def safe(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except Exception:
            return None

    return wrapper
`, findings: [{ line: 15, messageIncludes: '`except Exception` in safe (its inner function wrapper) catches every error', symbol: 'safe' }] },
    { name: 'a success response bound in the handler is no error response', code: `${PRELUDE}def vote(poll_id: int) -> dict[str, Any]:
    try:
        result = {"success": True, "message": "Voted.", "data": poll_id}
    except Exception:
        result = {"success": True, "message": "Voted.", "data": None}
    return result
`, findings: [{ line: 10, messageIncludes: '`except Exception` in vote' }] },
    { name: 'pass, continue and a bare return None in catch-all handlers', code: `${PRELUDE}class Polls:
    def one(self) -> None:
        try:
            self.load()
        except Exception:
            pass

    def two(self, names: list[str]) -> None:
        for name in names:
            try:
                self.load()
            except:
                continue

    def three(self) -> None:
        try:
            self.load()
        except (KeyError, BaseException):
            return None

    def load(self) -> None:
        pass
`, findings: [
      { line: 11, messageIncludes: '`except Exception` in Polls.one catches every error and neither re-raises, logs it, nor returns an error response', symbol: 'Polls.one' },
      { line: 18, messageIncludes: '`except:`/`except BaseException` in Polls.two', symbol: 'Polls.two' },
      { line: 24, messageIncludes: '`except (KeyError, BaseException)` in Polls.three', symbol: 'Polls.three' },
    ] },
    { name: 'a success response or a helper that succeeds is not an error response; print is not a log', code: `${PRELUDE}def _ok() -> dict[str, Any]:
    return {"success": True, "message": "ok", "data": None}


def vote() -> dict[str, Any]:
    try:
        return _ok()
    except Exception:
        return _ok()


def close() -> dict[str, Any]:
    try:
        return _ok()
    except Exception as error:
        print(error)
        return {"success": True, "message": "closed", "data": None}
`, findings: [
      { line: 14, symbol: 'vote' },
      { line: 21, symbol: 'close' },
    ] },
  ],
});
