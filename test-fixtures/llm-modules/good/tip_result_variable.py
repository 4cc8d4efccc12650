"""
Tip Splitter backend.

This module implements the tip splitter calculator of the technical design.

Functions:
    split_bill: Splits a bill and tip between people.
    format_amount: Formats money.

Example:
    Typical call from the Gradio handler::

        result = split_bill("64.00", 3, 20)
        print(result["message"])
"""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any, Callable, Dict, Optional

DEFAULT_TIP_PERCENT = 15
MAX_PEOPLE = 50
MAX_TIP_PERCENT = 100
CENTS = Decimal("0.01")
PERCENT = Decimal("100")


class Messages:
    """User-facing messages from the user stories."""

    EACH_PAYS = "Each person pays {amount}."
    BAD_TOTAL = "Enter the bill as a number, e.g. 42.50."
    BAD_PEOPLE = "Enter between 1 and {limit} people."
    BAD_TIP = "The tip must be between 0 and {limit} percent."


def format_amount(amount: Decimal) -> str:
    """Format an amount as money.

    Args:
        amount: The amount.

    Returns:
        str: Rounded half-up to cents.
    """
    return f"{amount.quantize(CENTS, rounding=ROUND_HALF_UP)}"


def _parse_total(total: str) -> Optional[Decimal]:
    """Read the bill, or None when it is not a usable number."""
    try:
        value = Decimal(str(total).strip())
    except InvalidOperation:
        return None
    return value if value.is_finite() and value >= 0 else None


_CHECKS: Dict[str, Callable[[int, int], Optional[str]]] = {
    "people": lambda people, _tip: (
        None if 1 <= people <= MAX_PEOPLE else Messages.BAD_PEOPLE.format(limit=MAX_PEOPLE)
    ),
    "tip": lambda _people, tip: (
        None if 0 <= tip <= MAX_TIP_PERCENT else Messages.BAD_TIP.format(limit=MAX_TIP_PERCENT)
    ),
}


def split_bill(total: str, people: int, tip_percent: int = DEFAULT_TIP_PERCENT) -> Dict[str, Any]:
    """Split a bill.

    Args:
        total: The bill amount as text.
        people: Number of people.
        tip_percent: Tip percentage.

    Returns:
        Dict[str, Any]: success, message and data with per_person, tip and grand_total.
    """
    try:
        bill = _parse_total(total)
        if bill is None:
            return {"success": False, "message": Messages.BAD_TOTAL, "data": None}
        problems = [check(int(people), int(tip_percent)) for check in _CHECKS.values()]
        problem = next((text for text in problems if text), None)
        if problem:
            return {"success": False, "message": problem, "data": None}
        tip = bill * Decimal(tip_percent) / PERCENT
        share = (bill + tip) / Decimal(people)
        data = {
            "per_person": format_amount(share),
            "tip": format_amount(tip),
            "grand_total": format_amount(bill + tip),
        }
        message = Messages.EACH_PAYS.format(amount=data["per_person"])
        return {"success": True, "message": message, "data": data}
    except Exception:  # the UI must never see a traceback
        result = {"success": False, "message": "Something went wrong.", "data": None}
    return result
