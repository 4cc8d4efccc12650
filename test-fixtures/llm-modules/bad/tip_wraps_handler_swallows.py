"""Tip splitter calculator.

Module-level functions for a one-screen Gradio calculator. Public functions
are wrapped by :func:`safe_response`, which turns any unexpected exception into
an error response, as the UI must never see a traceback.

Examples:
    Split a 100.00 bill between four people with the default tip:

    >>> split_bill("100", 4)["message"]
    'Each person pays 28.75.'

    A bill that is not a number:

    >>> split_bill("abc", 2)["message"]
    'Enter the bill as a number, e.g. 42.50.'
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any, ParamSpec

P = ParamSpec("P")

_log = logging.getLogger(__name__)

DEFAULT_TIP_PERCENT = 15
MAX_PEOPLE = 50
MAX_TIP_PERCENT = 100
CENTS = Decimal("0.01")
PERCENT_BASE = Decimal(100)


def safe_response(func: Callable[P, dict[str, Any]]) -> Callable[P, dict[str, Any] | None]:
    """Turn any exception of ``func`` into an error response.

    Args:
        func: A function returning a response dictionary.

    Returns:
        Callable[P, dict[str, Any] | None]: The wrapped function.

    Examples:
        >>> @safe_response
        ... def boom() -> dict[str, Any]:
        ...     raise RuntimeError("x")
        >>> boom() is None
        True
    """

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> dict[str, Any] | None:
        try:
            return func(*args, **kwargs)
        except Exception:  # the UI must get a response, whatever happened
            return None

    return wrapper


def format_amount(amount: Decimal) -> str:
    """Round half-up to cents and render as text.

    Args:
        amount: The amount.

    Returns:
        str: Two decimals, e.g. ``"12.50"``.

    Examples:
        >>> format_amount(Decimal("12.5"))
        '12.50'
        >>> format_amount(Decimal("0.005"))
        '0.01'
    """
    return str(amount.quantize(CENTS, rounding=ROUND_HALF_UP))


def _parse_total(total: str) -> Decimal | None:
    """Parse the bill, or return None when it is not a non-negative number.

    Args:
        total: The bill as typed.

    Returns:
        Decimal | None: The bill, or None.
    """
    try:
        bill = Decimal(str(total).strip())
    except InvalidOperation:
        return None
    return bill if bill.is_finite() and bill >= 0 else None


@safe_response
def split_bill(total: str, people: int, tip_percent: int = DEFAULT_TIP_PERCENT) -> dict[str, Any]:
    """Split a bill between people, tip included.

    The tip is computed on the whole bill, then the grand total is divided
    evenly; each share is rounded half-up to cents.

    Args:
        total: The bill as typed, e.g. ``"42.50"``.
        people: How many people pay, 1 to MAX_PEOPLE.
        tip_percent: The tip in percent, 0 to MAX_TIP_PERCENT.

    Returns:
        dict[str, Any]: Response with ``{"per_person", "tip", "grand_total"}``.

    Examples:
        >>> split_bill("80", 2, 120)["message"]
        'The tip must be between 0 and 100 percent.'
        >>> split_bill("50", 0)["message"]
        'Enter between 1 and 50 people.'
    """
    bill = _parse_total(total)
    if bill is None:
        return {"success": False, "message": "Enter the bill as a number, e.g. 42.50.",
                "data": None}
    if not 1 <= people <= MAX_PEOPLE:
        message = f"Enter between 1 and {MAX_PEOPLE} people."
        return {"success": False, "message": message, "data": None}
    if not 0 <= tip_percent <= MAX_TIP_PERCENT:
        message = f"The tip must be between 0 and {MAX_TIP_PERCENT} percent."
        return {"success": False, "message": message, "data": None}
    tip = bill * tip_percent / PERCENT_BASE
    grand_total = bill + tip
    per_person = format_amount(grand_total / people)
    _log.debug("split %s between %d", grand_total, people)
    data = {
        "per_person": per_person,
        "tip": format_amount(tip),
        "grand_total": format_amount(grand_total),
    }
    return {"success": True, "message": f"Each person pays {per_person}.", "data": data}
