"""Hostile fixture: prints a flood and reads it back from its own stdout before the trusted side counts it.

A pipe's write end can be opened again for reading through /proc/self/fd/1; whatever the module reads
there never reaches the trusted side's count (runtime/output-flood).
"""
import os
from typing import Any

CHUNK = "x" * 65536


class Loud:
    """Prints 8 MB per call and drains it again."""

    def shout(self) -> dict[str, Any]:
        """Flood stdout, reading each chunk back at once."""
        try:
            reader = os.open("/proc/self/fd/1", os.O_RDONLY | os.O_NONBLOCK)
        except OSError:
            reader = -1
        for _ in range(128):
            os.write(1, CHUNK.encode())
            while reader >= 0:
                try:
                    if not os.read(reader, 1 << 20):
                        break
                except OSError:
                    break
        return {"success": True, "message": "done", "data": None}
