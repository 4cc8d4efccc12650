"""Tip splitter calculator with a history of recent splits.

Example:
    >>> split_bill("100", 4)["message"]
    'Each person pays 28.75.'
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

DEFAULT_TIP_PERCENT = 15
MAX_PEOPLE = 50
MAX_TIP_PERCENT = 100
CENTS = Decimal("0.01")
HUNDRED = Decimal(100)
HISTORY_SIZE = 20

_history: list[dict[str, str]] = []


def format_amount(amount: Decimal) -> str:
    """Round half-up to cents and render as text.

    Args:
        amount: The amount.

    Returns:
        str: Two decimals.
    """
    return str(amount.quantize(CENTS, rounding=ROUND_HALF_UP))


def _remember(split: dict[str, str]) -> None:
    """Keep the last HISTORY_SIZE splits.

    Args:
        split: The split to keep.
    """
    _history.append(split)
    if len(_history) > HISTORY_SIZE:
        del _history[0]


def split_bill(total: str, people: int, tip_percent: int = DEFAULT_TIP_PERCENT) -> dict[str, Any]:
    """Split a bill with tip and remember it.

    Args:
        total: The bill as typed.
        people: How many people pay.
        tip_percent: The tip in percent.

    Returns:
        dict[str, Any]: Response with ``{"per_person", "tip", "grand_total"}``.
    """
    try:
        bill = Decimal(str(total).strip())
    except InvalidOperation:
        message = "Enter the bill as a number, e.g. 42.50."
        return {"success": False, "message": message, "data": None}
    if not bill.is_finite() or bill < 0:
        message = "Enter the bill as a number, e.g. 42.50."
        return {"success": False, "message": message, "data": None}
    if not 1 <= people <= MAX_PEOPLE:
        message = f"Enter between 1 and {MAX_PEOPLE} people."
        return {"success": False, "message": message, "data": None}
    if not 0 <= tip_percent <= MAX_TIP_PERCENT:
        message = f"The tip must be between 0 and {MAX_TIP_PERCENT} percent."
        return {"success": False, "message": message, "data": None}
    tip = bill * tip_percent / HUNDRED
    grand_total = bill + tip
    per_person = format_amount(grand_total / people)
    data = {
        "per_person": per_person,
        "tip": format_amount(tip),
        "grand_total": format_amount(grand_total),
    }
    _remember(data)
    return {"success": True, "message": f"Each person pays {per_person}.", "data": data}
