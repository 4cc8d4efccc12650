"""Inventory tracker backend for the Gradio stock screen.

Example:
    >>> tracker = InventoryTracker()
    >>> tracker.add_item("widget", 3)["ok"]
    True
"""

import json
from typing import Any, Dict, List

import pandas as pd
import requests

LOW_STOCK_LEVEL = 5
PRICE_FEED_URL = "https://prices.example.com/api/v1/items"


class ItemNotFoundError(Exception):
    """Raised when an item is not in stock."""


class InvalidQuantityError(Exception):
    """Raised when a quantity is not a positive integer."""


class PriceFeedError(Exception):
    """Raised when the price feed cannot be read."""


class InventoryTracker:
    """Tracks stock levels for the Gradio UI."""

    def __init__(self) -> None:
        """Create an empty tracker."""
        self._items: Dict[str, int] = {}
        self._history: List[str] = []
        self.operations = 0

    def add_item(self, name: str, quantity: int) -> Dict[str, Any]:
        """Add stock for an item.

        Args:
            name: Item name.
            quantity: Units to add.

        Returns:
            dict: Whether it worked.
        """
        if quantity <= 0:
            raise ValueError("Quantity must be positive")
        self._items[name] = self._items.get(name, 0) + quantity
        self._history.append(f"added {quantity} {name}")
        self.operations += 1
        return {"ok": True, "items": self._items}

    def remove_item(self, name: str, quantity: int) -> Dict[str, Any]:
        """Remove stock for an item.

        Args:
            name: Item name.
            quantity: Units to remove.

        Returns:
            dict: The response.
        """
        try:
            current = self._items[name]
        except KeyError:
            raise ItemNotFoundError(f"No item called {name}")
        if quantity > current:
            return {"success": "no", "message": "Not enough stock", "data": None}
        self._items[name] = current - quantity
        return {"success": True, "message": f"Removed {quantity} {name}", "data": self._items[name]}

    def low_stock_report(self) -> Dict[str, Any]:
        """List items at or below the low-stock level.

        Returns:
            dict: The response with a DataFrame.
        """
        frame = pd.DataFrame(list(self._items.items()), columns=["item", "quantity"])
        low = frame[frame["quantity"] <= LOW_STOCK_LEVEL]
        if low.empty:
            return
        return {"success": True, "message": "Low stock", "data": low}

    def refresh_prices(self) -> Dict[str, Any]:
        """Fetch current prices from the price feed.

        Returns:
            dict: The response.
        """
        reply = requests.get(PRICE_FEED_URL, timeout=10)
        prices = json.loads(reply.text)
        self._history.append("prices refreshed")
        return {"success": True, "message": "Prices refreshed", "data": prices}

    def export_history(self, path: str) -> Dict[str, Any]:
        """Write the history to a file.

        Args:
            path: Where to write.

        Returns:
            dict: The response.
        """
        with open(path, "w") as handle:
            handle.write("\n".join(self._history))
        if self._history:
            return {"success": True, "message": "History exported", "data": path}
