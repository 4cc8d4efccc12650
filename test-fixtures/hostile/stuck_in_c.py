"""Hostile fixture: a hang inside C code that no Python signal handler can interrupt.

``sum`` over a huge ``range`` loops in C without returning to the interpreter, so the
per-call alarm never fires: the probe must be killed and restarted without the method.
"""
from typing import Any

SPAN = 10 ** 13


class CrunchService:
    """Hangs in C, then an ordinary bug."""

    def crunch(self, text: str = "x") -> dict[str, Any]:
        """Sums for hours."""
        return {"success": True, "message": "Done.", "data": sum(range(SPAN))}

    def shout(self, text: str) -> dict[str, Any]:
        """Escapes on None (must still be reported after the restart)."""
        return {"success": True, "message": text.upper(), "data": None}
