"""Tip splitter calculator.

Module-level functions for a one-screen Gradio calculator, with a small
immutable :class:`SplitRequest` that carries validated input. Validation runs
through a table of ``(check, message)`` rules, so adding a rule is one line.

Example:
    >>> result = split_bill("100", 4)
    >>> result["message"]
    'Each person pays 28.75.'
    >>> result["data"]["grand_total"]
    '115.00'
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any, Final, NamedTuple

__all__ = [
    "split_bill", "format_amount", "DEFAULT_TIP_PERCENT", "MAX_PEOPLE", "MAX_TIP_PERCENT", "CENTS"
]

logger = logging.getLogger(__name__)

DEFAULT_TIP_PERCENT: Final = 15
MAX_PEOPLE: Final = 50
MAX_TIP_PERCENT: Final = 100
CENTS: Final = Decimal("0.01")
HUNDRED: Final = Decimal(100)

BAD_BILL: Final = "Enter the bill as a number, e.g. 42.50."


@dataclass(frozen=True)
class SplitRequest:
    """A bill, a head count and a tip percentage, before validation."""

    total: Decimal
    people: int
    tip_percent: int


class Split(NamedTuple):
    """What each person pays and the totals, in cents."""

    per_person: Decimal
    tip: Decimal
    grand_total: Decimal


Rule = tuple[Callable[[SplitRequest], bool], str]

RULES: Final[list[Rule]] = [
    (lambda request: request.total >= 0, BAD_BILL),
    (
        lambda request: 1 <= request.people <= 50,
        f"Enter between 1 and {MAX_PEOPLE} people.",
    ),
    (
        lambda request: 0 <= request.tip_percent <= MAX_TIP_PERCENT,
        f"The tip must be between 0 and {MAX_TIP_PERCENT} percent.",
    ),
]


def format_amount(amount: Decimal) -> str:
    """Round half-up to cents and render the amount.

    Args:
        amount: Any Decimal amount.

    Returns:
        str: The amount as ``"12.50"``.

    Example:
        >>> format_amount(Decimal("2.345"))
        '2.35'
    """
    return str(amount.quantize(CENTS, rounding=ROUND_HALF_UP))


def _parse_total(total: str) -> Decimal | None:
    """Parse the bill, or return None when it is not a finite number."""
    try:
        value = Decimal(str(total).strip())
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def _first_problem(request: SplitRequest) -> str | None:
    """Return the message of the first rule the request breaks, if any."""
    return next((message for check, message in RULES if not check(request)), None)


def _compute(request: SplitRequest) -> Split:
    """Split the bill; the request is already valid."""
    tip = request.total * Decimal(request.tip_percent) / HUNDRED
    grand_total = request.total + tip
    return Split(grand_total / Decimal(request.people), tip, grand_total)


def split_bill(total: str, people: int, tip_percent: int = DEFAULT_TIP_PERCENT) -> dict[str, Any]:
    """Split a bill with tip between people.

    Args:
        total: The bill as typed, e.g. ``"42.50"``.
        people: How many people share the bill.
        tip_percent: The tip in percent of the bill.

    Returns:
        dict[str, Any]: Response with data ``{"per_person", "tip", "grand_total"}``
        as ``"0.00"`` strings, or None data on failure.
    """
    if (amount := _parse_total(total)) is None:
        return {"success": False, "message": BAD_BILL, "data": None}
    request = SplitRequest(amount, people, tip_percent)
    if problem := _first_problem(request):
        return {"success": False, "message": problem, "data": None}
    split = _compute(request)
    logger.debug("split %s between %d", amount, people)
    data = {key: format_amount(value) for key, value in split._asdict().items()}
    return {"success": True, "message": f"Each person pays {data['per_person']}.", "data": data}


if __name__ == "__main__":
    print(split_bill("100", 4))
    print(split_bill("abc", 2))
