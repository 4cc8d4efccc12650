"""Tip splitter calculator.

Module-level functions for the Gradio tip calculator. Input problems are
raised internally as :class:`TipError` subclasses, each with its ``code`` as a
class attribute, and turned into failure responses by :func:`split_bill`.
:data:`TIP_CHOICES` feeds a ``gr.Dropdown`` with ``(label, value)`` pairs.

Example:
    >>> split_bill("100", 4, 15)["data"]
    {'per_person': '28.75', 'tip': '15.00', 'grand_total': '115.00'}
    >>> split_bill("100", 4, 120)["message"]
    'The tip must be between 0 and 100 percent.'
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any, ClassVar

DEFAULT_TIP_PERCENT = 15
MAX_PEOPLE = 50
MAX_TIP_PERCENT = 100
CENTS = Decimal("0.01")
ONE_HUNDRED = Decimal("100")

#: ``(label, value)`` pairs for the tip ``gr.Dropdown``.
TIP_PRESETS = (0, 10, DEFAULT_TIP_PERCENT, 20, 25)
TIP_CHOICES: list[tuple[str, int]] = [(f"{percent}%", percent) for percent in TIP_PRESETS]


class TipError(ValueError):
    """Base error of the calculator.

    Attributes:
        code: Machine-readable code, set per subclass.
        message: Text for the user.
    """

    code: ClassVar[str] = "TIP_ERROR"

    def __init__(self, message: str) -> None:
        """Create the error.

        Args:
            message: Text for the user.
        """
        super().__init__(message)
        self.message = message


class BillError(TipError):
    """The bill is not a number."""

    code = "BAD_BILL"


class PeopleError(TipError):
    """The head count is out of range."""

    code = "BAD_PEOPLE"


class TipPercentError(TipError):
    """The tip percentage is out of range."""

    code = "BAD_TIP"


def format_amount(amount: Decimal) -> str:
    """Round half-up to cents and render as ``"12.50"``.

    Args:
        amount: The amount.

    Returns:
        str: The rounded amount.
    """
    return str(amount.quantize(CENTS, rounding=ROUND_HALF_UP))


def _parse_bill(total: str) -> Decimal:
    """Parse the bill; raises BillError."""
    try:
        bill = Decimal(str(total).strip())
    except (InvalidOperation, TypeError) as error:
        raise BillError("Enter the bill as a number, e.g. 42.50.") from error
    if not bill.is_finite() or bill < 0:
        raise BillError("Enter the bill as a number, e.g. 42.50.")
    return bill


def _check_ranges(people: int, tip_percent: int) -> None:
    """Raise PeopleError or TipPercentError for values out of range."""
    if not 1 <= people <= MAX_PEOPLE:
        raise PeopleError(f"Enter between 1 and {MAX_PEOPLE} people.")
    if not 0 <= tip_percent <= MAX_TIP_PERCENT:
        raise TipPercentError(f"The tip must be between 0 and {MAX_TIP_PERCENT} percent.")


def split_bill(total: str, people: int, tip_percent: int = DEFAULT_TIP_PERCENT) -> dict[str, Any]:
    """Split a bill with tip.

    Args:
        total: The bill, e.g. ``"42.50"``.
        people: People sharing it.
        tip_percent: Tip in percent.

    Returns:
        dict[str, Any]: Response with data ``{"per_person", "tip", "grand_total"}``.
    """
    try:
        bill = _parse_bill(total)
        _check_ranges(people, tip_percent)
    except TipError as error:
        return {"success": False, "message": error.message, "data": None}
    tip = bill * Decimal(tip_percent) / ONE_HUNDRED
    grand_total = bill + tip
    per_person = format_amount(grand_total / people)
    data = {
        "per_person": per_person,
        "tip": format_amount(tip),
        "grand_total": format_amount(grand_total),
    }
    return {"success": True, "message": f"Each person pays {per_person}.", "data": data}
