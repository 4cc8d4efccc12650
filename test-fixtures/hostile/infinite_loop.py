"""Hostile fixture: one method never returns; another still misbehaves visibly."""
from typing import Any


class LoopService:
    """A busy loop and an ordinary bug side by side."""

    def spin(self, value: str = "x") -> dict[str, Any]:
        """Loop forever (pure Python: the per-call alarm can interrupt it)."""
        while True:
            value = value[::-1]

    def shout(self, text: str) -> dict[str, Any]:
        """Escapes on None (must still be reported after the hang)."""
        return {"success": True, "message": text.upper(), "data": None}
