"""Plant swap shelf: cuttings that neighbours put up and take home.

This module keeps the shelf in memory behind ``PlantSwapRegistry`` for a Gradio app.
Every public method returns a response dictionary and never raises.

Example:
    >>> registry = PlantSwapRegistry()
    >>> registry.add_plant("Spider Plant", 3)["message"]
    'Added 3 cutting(s) of Spider Plant as P1.'
"""

from __future__ import annotations

import threading
from typing import Any

MAX_NAME_LENGTH = 60
MIN_CUTTINGS = 1
MAX_CUTTINGS = 50
PLANT_ID_PREFIX = "P"


class SwapError(Exception):
    """Base error with a UI-safe message and a code.

    Attributes:
        message: Text fit to show a user.
        code: Machine-readable error code.
    """

    def __init__(self, message: str, code: str = "SWAP_ERROR") -> None:
        """Create the error.

        Args:
            message: Text fit to show a user.
            code: Machine-readable error code.
        """
        self.message = message
        self.code = code
        super().__init__(message)


class ValidationError(SwapError):
    """Missing or malformed input."""


class NotFoundError(SwapError):
    """No plant with the given ID."""


def _response(success: bool, message: str, data: Any = None) -> dict[str, Any]:
    """Build the response dictionary every public method returns.

    Args:
        success: Whether the operation succeeded.
        message: Text for the UI.
        data: Payload, or None.

    Returns:
        The response dictionary.
    """
    return {"success": success, "message": message, "data": data}


class PlantSwapRegistry:
    """In-memory plant swap shelf.

    Example:
        >>> registry = PlantSwapRegistry()
        >>> registry.take_cutting("P9")["message"]
        'Plant P9 not found.'
    """

    def __init__(self) -> None:
        """Start with an empty shelf."""
        self._lock = threading.Lock()
        self._plants: dict[str, dict[str, Any]] = {}
        self._next_number = 1

    def add_plant(self, name: str, cuttings: int) -> dict[str, Any]:
        """Put cuttings of a plant on the shelf.

        Args:
            name: The plant's name.
            cuttings: How many cuttings, from MIN_CUTTINGS to MAX_CUTTINGS.

        Returns:
            A response whose data is {"plant_id", "name", "cuttings"}.
        """
        try:
            clean_name = self._validate_name(name)
            count = self._validate_cuttings(cuttings)
            with self._lock:
                plant_id = f"{PLANT_ID_PREFIX}{self._next_number}"
                self._next_number += 1
                self._plants[plant_id] = {"plant_id": plant_id, "name": clean_name, "cuttings": count}
            return _response(True, f"Added {count} cutting(s) of {clean_name} as {plant_id}.", dict(self._plants[plant_id]))
        except SwapError as error:
            return _response(False, error.message)

    def take_cutting(self, plant_id: str) -> dict[str, Any]:
        """Take one cutting home.

        Args:
            plant_id: The plant's ID, e.g. "P1" (case-insensitive).

        Returns:
            A response whose data is {"plant_id", "remaining"}.
        """
        try:
            key = str(plant_id or "").strip().upper()
            with self._lock:
                plant = self._plants.get(key)
                if plant is None:
                    raise NotFoundError(f"Plant {key} not found.", "PLANT_NOT_FOUND")
                if plant["cuttings"] < MIN_CUTTINGS:
                    raise ValidationError(f"No cuttings of {plant['name']} are left.", "NONE_LEFT")
                plant["cuttings"] -= 1
                remaining = plant["cuttings"]
            return _response(True, f"Enjoy your {plant['name']}! {remaining} cutting(s) left.", {"plant_id": key, "remaining": remaining})
        except SwapError as error:
            return _response(False, error.message)

    def list_plants(self) -> dict[str, Any]:
        """List the plants with cuttings left, as table rows.

        Returns:
            A response whose data is a list of [plant_id, name, cuttings] rows.
        """
        with self._lock:
            rows = [[plant["plant_id"], plant["name"], plant["cuttings"]] for plant in self._plants.values() if plant["cuttings"] > 0]
        if not rows:
            return _response(True, "The shelf is empty.", [])
        return _response(True, f"{len(rows)} plant(s) on the shelf.", rows)

    @staticmethod
    def _validate_name(name: str) -> str:
        """Strip and check a plant name.

        Args:
            name: The name as typed.

        Returns:
            The stripped name.

        Raises:
            ValidationError: When the name is blank or too long.
        """
        clean = str(name or "").strip()
        if not clean:
            raise ValidationError("Plant name is required.", "NAME_REQUIRED")
        if len(clean) > MAX_NAME_LENGTH:
            raise ValidationError(f"Plant name must be {MAX_NAME_LENGTH} characters or fewer.", "NAME_TOO_LONG")
        return clean

    @staticmethod
    def _validate_cuttings(cuttings: int) -> int:
        """Check a number of cuttings.

        Args:
            cuttings: The number as entered.

        Returns:
            The number as an int.

        Raises:
            ValidationError: When it is not a whole number in range.
        """
        valid = isinstance(cuttings, (int, float)) and not isinstance(cuttings, bool) and float(cuttings).is_integer()
        if not valid or not MIN_CUTTINGS <= int(cuttings) <= MAX_CUTTINGS:
            raise ValidationError(f"Cuttings must be a whole number between {MIN_CUTTINGS} and {MAX_CUTTINGS}.", "INVALID_CUTTINGS")
        return int(cuttings)
