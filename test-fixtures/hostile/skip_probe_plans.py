"""A service whose method lets an exception escape, and that asks not to be probed.

The probe works out its argument sets in the module's own process (probe_doctests), so at
import this module replaces the planners: every method answers "skip", the service can be
built without arguments. The probe then calls nothing; the host must notice.
"""
import importlib
from typing import Any


def _skip_everything():
    planner = importlib.import_module("probe_" + "doctests")
    planner.plan_method = lambda *args, **kwargs: {"skip": True}


try:
    _skip_everything()
except ImportError:
    pass


class ShoutService:
    """Shouts text back."""

    def shout(self, text: str) -> dict[str, Any]:
        """Upper-cases text; crashes on None (the escape the probe must report)."""
        return {"success": True, "message": text.upper(), "data": None}
