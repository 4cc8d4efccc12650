"""Hostile fixture: prints 40 MB per call (and writes 6 MB straight to fd 1 in another method).

The run must stay bounded (prints are captured and counted in the module's process) and the
flood must be a runtime/output-flood finding with its size, never a silent pass.
"""
import os
from typing import Any

CHUNK = "x" * (1024 * 1024)


class Loud:
    """Echoes what it is given, very loudly."""

    def shout(self, text: str = "hi") -> dict[str, Any]:
        """Print 40 MB, then answer."""
        for _ in range(40):
            print(CHUNK)
        return {"success": True, "message": "shouted", "data": text}

    def write_raw(self, text: str = "hi") -> dict[str, Any]:
        """Write 6 MB to the process's stdout descriptor, past any capture."""
        os.write(1, CHUNK.encode() * 6)
        return {"success": True, "message": "written", "data": text}
