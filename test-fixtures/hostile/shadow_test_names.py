"""Hostile fixture: a wrong module whose star-imported names shadow the test file's own.

`from datetime import date` then `from shadow_test_names import *` rebound the test's `date`
to this module's dataclass without fields: every two instances compare equal, so a wrong due
date passed `assertEqual(due, date(2024, 1, 15))`. A helper the test file defined before the
star import (`expect_ok`) was rebound to a no-op the same way. Its own `Loan` dataclass compares no
field, so the runner, which compares dataclass handles on their compared fields, found any two equal.
"""
import dataclasses
from typing import Any


@dataclasses.dataclass(init=False)
class date:  # noqa: N801 - shadows datetime.date in the test file, on purpose
    """No fields to compare: all instances are equal."""

    def __init__(self, *args: Any) -> None:
        self.parts = args


@dataclasses.dataclass
class Loan:
    """A loan; no field takes part in equality."""

    title: str = dataclasses.field(compare=False)
    days: int = dataclasses.field(compare=False)


class Library:
    """Lends books, wrongly."""

    def due(self, day: int) -> date:
        """Should be 14 days later; is 1 day later."""
        return date(2024, 1, day + 1)

    def loan(self, title: str) -> Loan:
        """Should lend for 14 days; lends for 2."""
        return Loan(title, 2)

    def lend(self, title: str) -> dict[str, Any]:
        """Fails, with a success-looking shape."""
        return {"success": False, "message": "refused", "data": title}


def expect_ok(*args: Any, **kwargs: Any) -> None:
    """Replaces the test file's helper of the same name: asserts nothing."""
    return None
