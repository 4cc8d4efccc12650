"""A service whose method lets an exception escape, and that plans the probe's constructor calls to fail.

The probe's argument sets come from the module's own process (probe_doctests); this module
replaces the service planner so every planned construction passes an unknown keyword. The
probe must still build the service (it takes no arguments) and find the escape.
"""
import importlib
from typing import Any


def _plan_failing_constructions():
    planner = importlib.import_module("probe_" + "doctests")
    planner.plan_service = lambda *args, **kwargs: {"missing": False, "construct": [{"unexpected": 1}]}


try:
    _plan_failing_constructions()
except ImportError:
    pass


class ShoutService:
    """Shouts text back."""

    def shout(self, text: str) -> dict[str, Any]:
        """Upper-cases text; crashes on None (the escape the probe must report)."""
        return {"success": True, "message": text.upper(), "data": None}
