"""A counter of visitors per gallery room, fully annotated."""

from typing import Optional


class VisitorCounter:
    """Counts visitors per room."""

    def __init__(self) -> None:
        """Start with no visitors."""
        self._counts: dict[str, int] = {}

    def enter(self, room: str) -> int:
        """Count one visitor into a room and return the room's count."""
        self._counts[room] = self._counts.get(room, 0) + 1
        return self._counts[room]

    def busiest(self) -> Optional[str]:
        """Return the room with the most visitors, or None when empty."""
        if not self._counts:
            return None
        return max(self._counts, key=lambda room: self._counts[room])
