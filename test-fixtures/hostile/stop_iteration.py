"""Hostile fixture: a wrong module whose calls raise StopIteration.

Called from map(), filter() or a callable iterator, a StopIteration ends the tests' iteration silently: all() over
nothing is True, sum() is 0, a list is empty. Every method here is wrong; the tests must fail.
"""
from typing import Any


class Gate:
    """Says every slot is open; it never is."""

    def is_open(self, slot: int) -> bool:
        """Wrong: raises StopIteration instead of answering."""
        raise StopIteration

    def fee(self, slot: int) -> int:
        """Wrong."""
        raise StopIteration(slot)

    def tickets(self) -> Any:
        """Right: no tickets are left (its iterator's StopIteration is the answer)."""
        return iter([])

    def next_ticket(self) -> dict[str, Any]:
        """Wrong: there are always tickets."""
        raise StopIteration
