"""Tip splitter calculator with a small shared cache.

The Gradio page recomputes on every keystroke, so results are cached in a
module-level dictionary. Gradio runs handlers on worker threads; the cache is
only touched while holding the module-level ``_CACHE_LOCK``.

Example:
    >>> split_bill("100", 4)["message"]
    'Each person pays 28.75.'
    >>> split_bill("100", 0)["message"]
    'Enter between 1 and 50 people.'
"""

from __future__ import annotations

import contextlib
import logging
import threading
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

log = logging.getLogger(__name__)

DEFAULT_TIP_PERCENT = 15
MAX_PEOPLE = 50
MAX_TIP_PERCENT = 100
CENTS = Decimal("0.01")
PERCENT = Decimal(100)
CACHE_SIZE = 256

_CACHE: dict[tuple[str, int, int], dict[str, str]] = {}
_CACHE_LOCK = threading.Lock()


def format_amount(amount: Decimal) -> str:
    """Render an amount rounded half-up to cents.

    Args:
        amount: The amount.

    Returns:
        str: Text such as ``"12.50"``.
    """
    return str(amount.quantize(CENTS, rounding=ROUND_HALF_UP))


def _failure(message: str) -> dict[str, Any]:
    """Build a failure response."""
    return {"success": False, "message": message, "data": None}


def _remember(key: tuple[str, int, int], data: dict[str, str]) -> None:
    """Store a result, dropping the oldest entry when the cache is full."""
    with _CACHE_LOCK:
        if len(_CACHE) >= CACHE_SIZE:
            with contextlib.suppress(StopIteration, KeyError):
                del _CACHE[next(iter(_CACHE))]
        _CACHE[key] = data


def split_bill(total: str, people: int, tip_percent: int = DEFAULT_TIP_PERCENT) -> dict[str, Any]:
    """Split a bill with tip.

    Args:
        total: The bill as typed.
        people: Number of people, 1 to MAX_PEOPLE.
        tip_percent: Tip percentage, 0 to MAX_TIP_PERCENT.

    Returns:
        dict[str, Any]: Response with data ``{"per_person", "tip", "grand_total"}``.
    """
    if not 1 <= people <= MAX_PEOPLE:
        return _failure(f"Enter between 1 and {MAX_PEOPLE} people.")
    if not 0 <= tip_percent <= MAX_TIP_PERCENT:
        return _failure(f"The tip must be between 0 and {MAX_TIP_PERCENT} percent.")
    key = (str(total).strip(), people, tip_percent)
    with _CACHE_LOCK:
        cached = _CACHE.get(key)
    if cached is not None:
        return {
            "success": True,
            "message": f"Each person pays {cached['per_person']}.",
            "data": dict(cached),
        }
    try:
        bill = Decimal(key[0])
        if not bill.is_finite() or bill < 0:
            raise InvalidOperation(key[0])
    except InvalidOperation:
        log.info("rejected bill %r", total)
        return _failure("Enter the bill as a number, e.g. 42.50.")
    else:
        tip = bill * tip_percent / PERCENT
        data = {
            "per_person": format_amount((bill + tip) / people),
            "tip": format_amount(tip),
            "grand_total": format_amount(bill + tip),
        }
    finally:
        log.debug("split_bill(%r, %d, %d) done", total, people, tip_percent)
    _remember(key, data)
    return {"success": True, "message": f"Each person pays {data['per_person']}.", "data": data}
