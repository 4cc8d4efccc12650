"""Hostile fixture: a hang inside C code that no Python signal handler can interrupt.

Catastrophic regex backtracking runs in the re engine without returning to the
interpreter, so the probe must be killed and restarted without the method.
"""
import re
from typing import Any

PATTERN = re.compile(r"(a+)+$")


class MatchService:
    """Hangs in C, then an ordinary bug."""

    def match(self, text: str = "a" * 64 + "b") -> dict[str, Any]:
        """Backtracks for hours."""
        found = PATTERN.match("a" * 64 + "b") is not None
        return {"success": True, "message": "Matched.", "data": found}

    def shout(self, text: str) -> dict[str, Any]:
        """Escapes on None (must still be reported after the restart)."""
        return {"success": True, "message": text.upper(), "data": None}
