"""Hostile fixture: one method never returns, and importing again takes a while (a loaded machine, a big dependency).

The first import is quick; every later one (the probe's fresh module process after the hang) sleeps
SECOND_IMPORT_SECONDS, longer than a call's limit but well within the import's.
"""
import os
import time
from typing import Any

SECOND_IMPORT_SECONDS = 2.5
MARKER = os.path.join(os.environ.get("TMPDIR", "/tmp"), "slow_restart.imported")

if os.path.exists(MARKER):
    time.sleep(SECOND_IMPORT_SECONDS)
else:
    with open(MARKER, "w", encoding="utf-8") as handle:
        handle.write("imported once")


class LoopService:
    """A busy loop and an ordinary bug side by side."""

    def spin(self, value: str = "x") -> dict[str, Any]:
        """Loop forever."""
        while True:
            value = value[::-1]

    def shout(self, text: str) -> dict[str, Any]:
        """Escapes on None (must still be reported after the hang and the slow restart)."""
        return {"success": True, "message": text.upper(), "data": None}
