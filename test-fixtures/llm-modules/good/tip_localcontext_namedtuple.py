"""Tip splitter calculator.

Money is computed in a local decimal context (half-up rounding); the result
is a ``NamedTuple`` turned into the response's data.

Example:
    >>> split_bill("100", 4)["message"]
    'Each person pays 28.75.'
"""

from __future__ import annotations

import decimal
from decimal import Decimal
from typing import Any, Final, NamedTuple

__all__ = ["split_bill", "format_amount", "Split"]

DEFAULT_TIP_PERCENT: Final = 15
MAX_PEOPLE: Final = 50
MAX_TIP_PERCENT: Final = 100
CENTS: Final = Decimal("0.01")
ONE_HUNDRED: Final = Decimal(100)


class Split(NamedTuple):
    """What each person pays, the tip and the total, as text."""

    per_person: str
    tip: str
    grand_total: str


def format_amount(amount: Decimal) -> str:
    """Round half-up to cents and render as text.

    Args:
        amount: The amount.

    Returns:
        str: Two decimals, e.g. ``"12.50"``.
    """
    with decimal.localcontext() as context:
        context.rounding = decimal.ROUND_HALF_UP
        return str(amount.quantize(CENTS))


def _fail(message: str) -> dict[str, Any]:
    """Failure response.

    Args:
        message: Text for the diner.

    Returns:
        dict[str, Any]: ``success`` False and no data.
    """
    return {"success": False, "message": message, "data": None}


def split_bill(total: str, people: int, tip_percent: int = DEFAULT_TIP_PERCENT) -> dict[str, Any]:
    """Split a bill with tip.

    Args:
        total: The bill as typed.
        people: How many people pay.
        tip_percent: The tip in percent.

    Returns:
        dict[str, Any]: Response with ``{"per_person", "tip", "grand_total"}``.
    """
    try:
        bill = Decimal(str(total).strip())
    except decimal.InvalidOperation:
        return _fail("Enter the bill as a number, e.g. 42.50.")
    if not bill.is_finite() or bill < 0:
        return _fail("Enter the bill as a number, e.g. 42.50.")
    if not 1 <= people <= MAX_PEOPLE:
        return _fail(f"Enter between 1 and {MAX_PEOPLE} people.")
    if not 0 <= tip_percent <= MAX_TIP_PERCENT:
        return _fail(f"The tip must be between 0 and {MAX_TIP_PERCENT} percent.")
    tip = bill * tip_percent / ONE_HUNDRED
    grand_total = bill + tip
    per_person = format_amount(grand_total / people)
    split = Split(per_person, format_amount(tip), format_amount(grand_total))
    message = f"Each person pays {split.per_person}."
    return {"success": True, "message": message, "data": split._asdict()}
