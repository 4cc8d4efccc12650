"""Pantry tracker: what is on the shelves, in memory."""

from datetime import datetime
from typing import Callable


class PantryError(Exception):
    """Raised for a request the pantry cannot serve."""


class PantryTracker:
    """Keeps item counts."""

    def __init__(self, clock: Callable[[], datetime] | None = None) -> None:
        self._clock = clock or datetime.now
        self._items: dict[str, int] = {}

    def add_item(self, name: str, quantity: int) -> dict:
        """Adds stock."""
        if not name or not name.strip():
            return {"success": False, "message": "Item name is required.", "data": {}}
        self._items[name] = self._items.get(name, 0) + quantity
        return {"success": True, "message": f"Added {quantity} x {name} to the pantry.", "data": {}}

    def use_item(self, name: str, quantity: int) -> dict:
        """Takes stock out."""
        left = self._items.get(name, 0)
        if quantity > left:
            return {"success": False, "message": f"Not enough {name}: {left} left.", "data": {}}
        self._items[name] = left - quantity
        return {"success": True, "message": f"Used {quantity} x {name}.", "data": {}}

    def list_items(self) -> dict:
        """Lists stock."""
        if not self._items:
            return {"success": True, "message": "The pantry is empty.", "data": {}}
        return {"success": True, "message": f"{len(self._items)} item(s).", "data": dict(self._items)}


def format_quantity(amount: int, unit: str = "g") -> str:
    """Formats an amount."""
    return f"{amount} {unit}"
