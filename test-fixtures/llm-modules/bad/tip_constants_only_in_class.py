"""Tip splitter calculator.

Limits live in :class:`Limits`, messages in :class:`Message` (a ``str``
``Enum``); the public functions read them from there.

Examples:
    >>> split_bill("100", 4, 15)["data"]["per_person"]
    '28.75'
"""

from __future__ import annotations

import logging
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import Enum, unique
from typing import Any, Final

logger = logging.getLogger(__name__)


class Limits:
    """Input limits of the calculator."""

    DEFAULT_TIP_PERCENT: Final[int] = 15
    MAX_PEOPLE: Final[int] = 50
    MAX_TIP_PERCENT: Final[int] = 100
    PERCENT_BASE: Final[int] = 100


CENTS = Decimal("0.01")


@unique
class Message(str, Enum):
    """User-facing messages; placeholders are filled with ``str.format``."""

    EACH_PAYS = "Each person pays {amount}."
    BAD_TOTAL = "Enter the bill as a number, e.g. 42.50."
    BAD_PEOPLE = "Enter between 1 and {limit} people."
    BAD_TIP = "The tip must be between 0 and {limit} percent."

    def __str__(self) -> str:
        """Return the template itself."""
        return self.value


def _respond(
    success: bool, message: Message, data: dict[str, str] | None = None, **values: Any
) -> dict[str, Any]:
    """Build a response from a message template.

    Args:
        success: Outcome.
        message: Which message.
        data: Payload.
        **values: Placeholder values.

    Returns:
        dict[str, Any]: The response.
    """
    return {"success": success, "message": message.value.format(**values), "data": data}


def format_amount(amount: Decimal) -> str:
    """Round half-up to cents and render as text.

    Args:
        amount: The amount.

    Returns:
        str: E.g. ``"12.50"``.
    """
    return f"{amount.quantize(CENTS, rounding=ROUND_HALF_UP):f}"


def split_bill(
    total: str, people: int, tip_percent: int = Limits.DEFAULT_TIP_PERCENT
) -> dict[str, Any]:
    """Split a bill with tip.

    Args:
        total: The bill as typed.
        people: Number of people.
        tip_percent: Tip in percent.

    Returns:
        dict[str, Any]: Response with ``{"per_person", "tip", "grand_total"}``.
    """
    try:
        bill = Decimal(total.strip())
    except (InvalidOperation, AttributeError):
        logger.info("rejected bill %r", total)
        return _respond(False, Message.BAD_TOTAL)
    if not bill.is_finite() or bill.is_signed():
        return _respond(False, Message.BAD_TOTAL)
    if not 1 <= people <= Limits.MAX_PEOPLE:
        return _respond(False, Message.BAD_PEOPLE, limit=Limits.MAX_PEOPLE)
    if not 0 <= tip_percent <= Limits.MAX_TIP_PERCENT:
        return _respond(False, Message.BAD_TIP, limit=Limits.MAX_TIP_PERCENT)
    tip = bill * Decimal(tip_percent) / Decimal(Limits.PERCENT_BASE)
    grand_total = bill + tip
    per_person = format_amount(grand_total / Decimal(people))
    data = {
        "per_person": per_person,
        "tip": format_amount(tip),
        "grand_total": format_amount(grand_total),
    }
    return _respond(True, Message.EACH_PAYS, data, amount=per_person)


__all__ = sorted(
    name
    for name in globals()
    if (name.isupper() and not name.startswith("_")) or name in {"split_bill", "format_amount"}
)
