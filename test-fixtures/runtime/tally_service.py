"""A small, correct service module: the baseline for injected runtime defects.

Example:
    >>> service = TallyService()
    >>> service.add_item("apple", 3)["message"]
    'Added 3 x apple.'
"""
import threading
from typing import Any

MAX_QUANTITY = 1000
MAX_NAME_LENGTH = 50


class TallyService:
    """Counts items for a Gradio UI.

    Example:
        >>> TallyService().total()["data"]
        0
    """

    def __init__(self) -> None:
        """Start with an empty tally."""
        self._counts: dict[str, int] = {}
        self._lock = threading.Lock()

    def add_item(self, name: str, quantity: int = 1) -> dict[str, Any]:
        """Add ``quantity`` of ``name``.

        Example:
            >>> TallyService().add_item("pear", 2)["success"]
            True
        """
        if not isinstance(name, str) or not name.strip():
            return {"success": False, "message": "Item name is required.", "data": None}
        if len(name.strip()) > MAX_NAME_LENGTH:
            return {"success": False, "message": "Item name is too long.", "data": None}
        if isinstance(quantity, bool) or not isinstance(quantity, int) or not 0 < quantity <= MAX_QUANTITY:
            return {"success": False, "message": "Quantity must be 1 to 1000.", "data": None}
        with self._lock:
            key = name.strip()
            self._counts[key] = self._counts.get(key, 0) + quantity
        return {"success": True, "message": f"Added {quantity} x {key}.", "data": {"name": key, "count": self._counts[key]}}

    def total(self) -> dict[str, Any]:
        """Total of all items."""
        with self._lock:
            count = sum(self._counts.values())
        return {"success": True, "message": f"{count} item(s) in total.", "data": count}

    def table(self) -> dict[str, Any]:
        """Rows for a gr.Dataframe."""
        with self._lock:
            rows = [[name, count] for name, count in sorted(self._counts.items())]
        return {"success": True, "message": f"{len(rows)} row(s).", "data": rows}
