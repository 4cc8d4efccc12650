"""Greenhouse watering planner for the Gradio screen."""

from typing import Any

MAX_LITRES = 50


class PlannerError(Exception):
    """Raised for invalid watering requests."""

    def __init__(self, message: str, code: str = "PLANNER_ERROR") -> None:
        self.message = message
        self.code = code
        super().__init__(message)


def litres_label(litres: int) -> str:
    """Format litres for display."""
    return f"{litres} L"


class WateringPlanner:
    """Plans watering for greenhouse beds."""

    def __init__(self) -> None:
        """Start with no beds."""
        self._beds: dict[str, int] = {}

    def add_bed(self, name: str, litres: int) -> dict[str, Any]:
        """Add a bed that needs `litres` per day."""
        if litres > MAX_LITRES:
            return {"success": False, "message": "Too much water.", "data": None}
        self._beds[name] = litres
        return {"success": True, "message": f"Bed {name} added.", "data": litres_label(litres)}
