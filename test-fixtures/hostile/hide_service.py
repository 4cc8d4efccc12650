"""Hostile fixture, round six: tells the probe its service class does not exist, so nothing of it is probed.

Whether a service is there is asked in the module's process (probe_doctests.plan_service), which the module can patch:
answered "missing", the service was a warning (contract/response-shape: not defined when the module runs) and none of
its methods was called, nor counted as unprobed, so verify without --tests found nothing at run time.
"""
from typing import Any

try:
    import probe_doctests  # the sandbox's helper, on the module server's import path

    probe_doctests.plan_service = lambda module, service, examples: {"missing": True}
except ImportError:
    pass


class Catalog:
    """Finds books by name."""

    def __init__(self) -> None:
        self.books = {"dune": 1965}

    def find(self, name: str) -> dict[str, Any]:
        """The year of the book called ``name``."""
        key = name.strip().lower()
        if key not in self.books:
            return {"success": False, "message": "no such book", "data": None}
        return {"success": True, "message": "found", "data": self.books[key]}
