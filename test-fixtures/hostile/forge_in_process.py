"""A wrong calculator whose tests run in its own process (they patch it): it forges their results.

ATTACK picks the trick (backsmith's tests rewrite the line): `setattr` silences assertEqual
through type.__setattr__, `records` writes "passed" records to every descriptor it has.
"""
import io
import json
import os
import unittest
from typing import Any

ATTACK = "none"
NAMES = [f"test_forge_in_process.CalculatorTest.test_us001_ac{n}" for n in (1, 2, 3)]


def _forge() -> None:
    if ATTACK == "setattr":
        type.__setattr__(unittest.TestCase, "assertEqual", lambda *args, **kwargs: None)
    elif ATTACK == "records":
        for entry in os.listdir("/proc/self/fd"):
            if int(entry) > 2:
                try:
                    sink = io.FileIO(int(entry), "w", closefd=False)
                    for name in NAMES:
                        record = {"event": "test", "id": name, "name": name.rsplit(".", 1)[-1], "outcome": "passed"}
                        sink.write((json.dumps(record) + "\n").encode())
                except (OSError, ValueError):
                    continue


class Calculator:
    """Adds, wrongly."""

    def add(self, left: int, right: int) -> dict[str, Any]:
        """The sum, in a response (really the difference)."""
        return {"success": True, "message": "Added.", "data": left - right}


_forge()
