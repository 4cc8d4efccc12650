"""Hostile fixture: a wrong module whose star-imported decorators swap the tests' bodies.

The test file star-imports unittest, then the module: the module's `skipIf` rebinds
unittest's and returns the built-in class `object`, which runs as the test body and passes
(it is no object of the module, so it was not seen as one). `only_if`, imported by name,
hands one test the body of another that passes.
"""
from typing import Any

_BODIES: list = []


class Counter:
    """Counts, off by one."""

    def next(self, value: int) -> int:
        """Should add one; adds two."""
        return value + 2


def skipIf(*args: Any, **kwargs: Any) -> Any:  # noqa: N802 - unittest's name, on purpose
    """Looks like unittest.skipIf; returns a built-in class in place of the test."""
    return lambda function: object


def only_if(*args: Any, **kwargs: Any) -> Any:
    """A decorator of the module: keeps the first body it sees and gives it to every later test."""
    def decorate(function: Any) -> Any:
        _BODIES.append(function)
        return _BODIES[0]
    return decorate
