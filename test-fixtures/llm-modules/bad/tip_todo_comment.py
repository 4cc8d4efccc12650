"""Tip splitter calculator.

Splits a restaurant bill, tip included, between several people.

Functions:
    split_bill: Work out what each person pays.
    format_amount: Render a Decimal amount with two decimals.

Example:
    >>> split_bill("100", 4, 15)["message"]
    'Each person pays 28.75.'
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any, Final

__all__ = ["split_bill", "format_amount", "DEFAULT_TIP_PERCENT", "MAX_PEOPLE"]

DEFAULT_TIP_PERCENT: Final[int] = 15
MAX_PEOPLE: Final[int] = 50
MAX_TIP_PERCENT: Final[int] = 100
CENTS: Final[Decimal] = Decimal("0.01")
HUNDRED: Final[Decimal] = Decimal(100)


def format_amount(amount: Decimal) -> str:
    """Round half-up to cents and render as text.

    Args:
        amount: The amount to render.

    Returns:
        str: The amount with two decimals, e.g. "12.50".
    """
    return str(amount.quantize(CENTS, rounding=ROUND_HALF_UP))


def _error(message: str) -> dict[str, Any]:
    """Failure response with no data."""
    return {"success": False, "message": message, "data": None}


def split_bill(total: str, people: int, tip_percent: int = DEFAULT_TIP_PERCENT) -> dict[str, Any]:
    """Split a bill between people, tip included.

    Args:
        total: The bill as typed, e.g. "42.50".
        people: How many people share it (1 to MAX_PEOPLE).
        tip_percent: Tip in percent (0 to MAX_TIP_PERCENT).

    Returns:
        dict[str, Any]: Response with {"per_person", "tip", "grand_total"} as strings.
    """
    try:
        bill = Decimal(str(total).strip())
    except (InvalidOperation, ValueError):
        return _error("Enter the bill as a number, e.g. 42.50.")
    if not bill.is_finite() or bill < 0:
        return _error("Enter the bill as a number, e.g. 42.50.")
    if not isinstance(people, int) or not 1 <= people <= MAX_PEOPLE:
        return _error(f"Enter between 1 and {MAX_PEOPLE} people.")
    if not isinstance(tip_percent, int) or not 0 <= tip_percent <= MAX_TIP_PERCENT:
        return _error(f"The tip must be between 0 and {MAX_TIP_PERCENT} percent.")
    # TODO: support currencies with no cents
    tip = bill * tip_percent / HUNDRED
    grand_total = bill + tip
    per_person = format_amount(grand_total / people)
    return {
        "success": True,
        "message": f"Each person pays {per_person}.",
        "data": {
            "per_person": per_person,
            "tip": format_amount(tip),
            "grand_total": format_amount(grand_total),
        },
    }


if __name__ == "__main__":
    for args in (("100", 4), ("abc", 2), ("50", 0), ("80", 2, 120)):
        print(args, split_bill(*args))
