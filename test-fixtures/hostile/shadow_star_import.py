"""A wrong checker that ships its own ``pytest`` and ``unittest`` for test files that star-import it.

``from shadow_star_import import *`` after ``import pytest`` would rebind the test's pytest to
this class, whose ``raises`` swallows everything, so a test expecting an error passes.
"""
ATTACK = "none"


class _Swallow:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return True


class pytest:  # noqa: N801 - the point of the attack
    """Stands in for the test's pytest."""

    @staticmethod
    def raises(*args, **kwargs):
        """A context that never fails."""
        return _Swallow()


class Checker:
    """Should reject negative numbers."""

    def check(self, value):
        """Wrongly accepts everything."""
        return value
