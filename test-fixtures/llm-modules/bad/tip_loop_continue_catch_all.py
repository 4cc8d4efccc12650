"""Tip splitter calculator.

Diners type bills in many shapes ("42.50", "42,50", "$42.50", "1 234,50"); the parser
tries a few normalisations in turn and moves on to the next when one does not give a
number (``except InvalidOperation: continue``).

Example:
    >>> split_bill("$100", 4)["message"]
    'Each person pays 28.75.'
    >>> split_bill("42,50", 1, 0)["data"]["grand_total"]
    '42.50'
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Final

DEFAULT_TIP_PERCENT: Final = 15
MAX_PEOPLE: Final = 50
MAX_TIP_PERCENT: Final = 100
CENTS: Final = Decimal("0.01")
PERCENT: Final = Decimal(100)

BAD_TOTAL: Final = "Enter the bill as a number, e.g. 42.50."

_NORMALISERS: Final[tuple[Callable[[str], str], ...]] = (
    lambda text: text,
    lambda text: text.replace(",", "."),
    lambda text: text.replace(" ", "").replace(",", "."),
    lambda text: text.lstrip("$€£").replace(",", ""),
)


def _parse_total(text: str) -> Decimal | None:
    """Return the bill as a Decimal, or None when no reading gives a finite number."""
    raw = (text or "").strip()
    for normalise in _NORMALISERS:
        try:
            value = Decimal(normalise(raw))
        except Exception:
            continue
        if value.is_finite() and value >= 0:
            return value
    return None


def format_amount(amount: Decimal) -> str:
    """Round half-up to cents and render as ``"12.50"``.

    Args:
        amount: The amount.

    Returns:
        str: The amount with two decimals.
    """
    return f"{amount.quantize(CENTS, rounding=ROUND_HALF_UP)}"


def split_bill(total: str, people: int, tip_percent: int = DEFAULT_TIP_PERCENT) -> dict[str, Any]:
    """Split a bill with tip.

    Args:
        total: The bill as typed.
        people: How many people share it.
        tip_percent: Tip in percent.

    Returns:
        dict[str, Any]: Data ``{"per_person", "tip", "grand_total"}`` as ``"0.00"`` strings.
    """
    amount = _parse_total(total)
    if amount is None:
        return {"success": False, "message": BAD_TOTAL, "data": None}
    if not 1 <= people <= MAX_PEOPLE:
        return {
            "success": False,
            "message": f"Enter between 1 and {MAX_PEOPLE} people.",
            "data": None,
        }
    if not 0 <= tip_percent <= MAX_TIP_PERCENT:
        message = f"The tip must be between 0 and {MAX_TIP_PERCENT} percent."
        return {"success": False, "message": message, "data": None}
    tip = amount * tip_percent / PERCENT
    grand_total = amount + tip
    per_person = format_amount(grand_total / people)
    data = {
        "per_person": per_person,
        "tip": format_amount(tip),
        "grand_total": format_amount(grand_total),
    }
    return {"success": True, "message": f"Each person pays {per_person}.", "data": data}


if __name__ == "__main__":
    for bill in ("100", "42,50", "$12.00", "abc"):
        print(split_bill(bill, 2))
