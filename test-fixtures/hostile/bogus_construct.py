"""Hostile fixture, round six: plans only constructions of its service that fail, so none of its methods is probed.

The construction plan is worked out in the module's process (probe_values.valid_argument_sets, patched here to plan a
negative capacity); the constructor needs an argument, so the probe's own try without arguments failed too: a
warning (a constructor that failed), no method probed or counted as unprobed, and `put`, which raises on None, passed.
"""
from typing import Any

try:
    import probe_values  # the sandbox's helper, on the module server's import path

    _planned = probe_values.valid_argument_sets
    probe_values.valid_argument_sets = lambda function, name, *rest, **options: (
        [{"capacity": -5}] if name == "Store" else _planned(function, name, *rest, **options))
except ImportError:
    pass


class Store:
    """Keeps items up to a capacity."""

    def __init__(self, capacity: int) -> None:
        if capacity < 1:
            raise ValueError("capacity must be positive")
        self.capacity = capacity
        self.items: list[str] = []

    def put(self, item: str) -> dict[str, Any]:
        """Keep ``item`` (its name, trimmed)."""
        name = item.strip()
        if not name or len(self.items) >= self.capacity:
            return {"success": False, "message": "cannot keep it", "data": None}
        self.items.append(name)
        return {"success": True, "message": "kept", "data": len(self.items)}
