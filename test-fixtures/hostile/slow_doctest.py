"""An honest module whose docstring example runs long: it reads its own file again and again.

Every read is an audited event the sandbox's hook judges; the docstring's time limit, an alarm in the module's own
process until round six, fired inside the hook and was reported as the module interfering with it (kind hook), a
false safety error on honest code. Only the hang is the module's.
"""
import time
from typing import Any


def read_for(path: str, seconds: float) -> int:
    """Read ``path`` again and again for ``seconds``; how many reads.

    >>> read_for(__file__, 30.0) > 0
    True
    """
    reads = 0
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with open(path, encoding="utf-8") as handle:
            handle.read(16)
        reads += 1
    return reads


class Shelf:
    """Counts books."""

    def __init__(self) -> None:
        self.books = 0

    def add(self, count: int = 1) -> dict[str, Any]:
        """Add ``count`` books.

        >>> Shelf().add(2)["data"]
        2
        """
        if not isinstance(count, int) or count < 1:
            return {"success": False, "message": "count must be a positive integer", "data": None}
        self.books += count
        return {"success": True, "message": "added", "data": self.books}
