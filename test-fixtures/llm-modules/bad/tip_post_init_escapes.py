"""Tip splitter calculator.

A bill is checked once, when its :class:`BillRequest` is made: ``__post_init__`` raises a
:class:`SplitInputError` carrying the message for the diner and a code for programs.

Example:
    >>> split_bill("100", 4)["message"]
    'Each person pays 28.75.'
    >>> split_bill("abc", 2)["message"]
    'Enter the bill as a number, e.g. 42.50.'
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

DEFAULT_TIP_PERCENT = 15
MAX_PEOPLE = 50
MAX_TIP_PERCENT = 100
CENTS = Decimal("0.01")

logger = logging.getLogger(__name__)


class SplitInputError(ValueError):
    """Something the diner typed cannot be split."""

    code = "INVALID_INPUT"

    def __init__(self, message: str, code: str | None = None) -> None:
        """Keep the message and the code.

        Args:
            message: Text for the diner.
            code: Error code; the class's own by default.
        """
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code


class BadTotalError(SplitInputError):
    """The bill is not a number."""

    code = "BAD_TOTAL"


class BadPeopleError(SplitInputError):
    """The number of people is out of range."""

    code = "BAD_PEOPLE"


class BadTipError(SplitInputError):
    """The tip is out of range."""

    code = "BAD_TIP"


@dataclass(frozen=True)
class BillRequest:
    """A bill, checked when it is made."""

    total: Decimal
    people: int
    tip_percent: int

    def __post_init__(self) -> None:
        """Check the ranges.

        Raises:
            BadTotalError: When the total is negative or not finite.
            BadPeopleError: When people is not between 1 and MAX_PEOPLE.
            BadTipError: When the tip is not between 0 and MAX_TIP_PERCENT.
        """
        if not self.total.is_finite() or self.total < 0:
            raise BadTotalError("Enter the bill as a number, e.g. 42.50.")
        if not 1 <= self.people <= MAX_PEOPLE:
            raise BadPeopleError(f"Enter between 1 and {MAX_PEOPLE} people.")
        if not 0 <= self.tip_percent <= MAX_TIP_PERCENT:
            raise BadTipError(f"The tip must be between 0 and {MAX_TIP_PERCENT} percent.")

    @classmethod
    def parse(cls, total: str, people: int, tip_percent: int) -> BillRequest:
        """Read the typed bill.

        Args:
            total: The bill as typed.
            people: Number of people.
            tip_percent: Tip in percent.

        Returns:
            BillRequest: The checked request.

        Raises:
            BadTotalError: When the bill is not a number.
        """
        try:
            amount = Decimal(str(total).strip())
        except InvalidOperation as error:
            raise BadTotalError("Enter the bill as a number, e.g. 42.50.") from error
        return cls(amount, people, tip_percent)


def format_amount(amount: Decimal) -> str:
    """Round half-up to cents and render as ``"12.50"``.

    Args:
        amount: The amount.

    Returns:
        str: The amount with two decimals.
    """
    return str(amount.quantize(CENTS, rounding=ROUND_HALF_UP))


def split_bill(total: str, people: int, tip_percent: int = DEFAULT_TIP_PERCENT) -> dict[str, Any]:
    """Split a bill with tip.

    Args:
        total: The bill as typed.
        people: How many people share it.
        tip_percent: Tip in percent.

    Returns:
        dict[str, Any]: Data ``{"per_person", "tip", "grand_total"}`` as ``"0.00"`` strings.
    """
    request = BillRequest.parse(total, people, tip_percent)
    logger.info("split %s between %d", request.total, request.people)
    tip = request.total * request.tip_percent / 100
    grand_total = request.total + tip
    per_person = format_amount(grand_total / request.people)
    data = {
        "per_person": per_person,
        "tip": format_amount(tip),
        "grand_total": format_amount(grand_total),
    }
    return {"success": True, "message": f"Each person pays {per_person}.", "data": data}


if __name__ == "__main__":
    print(split_bill("100", 4))
    print(split_bill("100", 0))
