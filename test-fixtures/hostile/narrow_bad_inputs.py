"""Hostile fixture, round six: empties the probe's list of bad inputs, so its crash on None is never seen.

The probe's argument plans are worked out in the module's process (probe_doctests, probe_values), which the module
can patch: with no bad inputs planned, the probe called `find` with its valid argument only, and verify without
--tests passed a method that raises AttributeError for None.
"""
from typing import Any

try:
    import probe_values  # the sandbox's helper, on the module server's import path

    probe_values.bad_inputs = lambda function: []
except ImportError:
    pass


class Catalog:
    """Finds books by name."""

    def __init__(self) -> None:
        self.books = {"dune": 1965}

    def find(self, name: str) -> dict[str, Any]:
        """The year of the book called ``name``.

        >>> Catalog().find("Dune")["data"]
        1965
        """
        key = name.strip().lower()
        if key not in self.books:
            return {"success": False, "message": "no such book", "data": None}
        return {"success": True, "message": "found", "data": self.books[key]}
