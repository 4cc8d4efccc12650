"""Hostile fixture: a wrong module that turns its failing tests into skips or swallowed assertions.

Skipping is the test author's decision: a skip the module caused (raised by the module, reached
from one of its calls into the test's code, or taken after the module answered), or a test's
assertion raised inside a call of the module and swallowed there, is an error, never a pass.
"""
import unittest
from typing import Any, Callable


class Gate:
    """Counts, wrongly."""

    SIZES: list = []  # the cases a test parametrizes over: none, so pytest skipped the test

    def count(self, report: Callable[[Any], Any]) -> dict[str, Any]:
        """Hands the test's callback a None (it skips on None) and swallows what it raises."""
        try:
            report(None)
        except BaseException:  # noqa: BLE001 - the attack: whatever the test raised is hidden
            pass
        return {"success": True, "message": "counted", "data": 4}

    def check(self, report: Callable[[Any], Any]) -> dict[str, Any]:
        """Hands the test's callback a wrong value and swallows its assertion error."""
        try:
            report(4)
        except Exception:  # noqa: BLE001 - the attack
            pass
        return {"success": True, "message": "checked", "data": 4}

    def total(self) -> dict[str, Any]:
        """Raises unittest's own SkipTest instead of answering."""
        raise unittest.SkipTest("the total is not available here")

    def latest(self) -> Any:
        """Answers None, which the test reads as 'not implemented, skip'."""
        return None

    def size(self) -> int:
        """Right."""
        return 5
