/**
 * A small module in the shape of the ones backsmith verifies (a service class over dataclasses,
 * Optional lookups, dict and list work, a custom exception), checked a few times while pyright
 * waits for the first draft, so that its code is compiled and warm when the draft arrives.
 */
export const WARM_UP_MODULE = `"""Seat reservations for a small theatre (pyright warm-up sample)."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Optional

LOGGER = logging.getLogger(__name__)
MAX_SEATS = 40


class ReservationError(Exception):
    """Base error carrying a message and a code."""

    def __init__(self, message: str, code: str = "RESERVATION_ERROR") -> None:
        super().__init__(message)
        self.message = message
        self.code = code


@dataclass
class Reservation:
    """One reservation of a seat for a show."""

    reservation_id: str
    seat: int
    holder: str
    created: datetime = field(default_factory=datetime.now)
    notes: list[str] = field(default_factory=list)


class TheatreDesk:
    """Books and cancels seats, answering with response dictionaries."""

    def __init__(self) -> None:
        self._reservations: dict[str, Reservation] = {}
        self._by_seat: dict[int, str] = {}
        self._counter = 0

    def book(self, seat: int, holder: str) -> dict[str, Any]:
        """Book a free seat for a holder."""
        try:
            if not 1 <= seat <= MAX_SEATS:
                raise ReservationError(f"Seat {seat} does not exist", "BAD_SEAT")
            if seat in self._by_seat:
                raise ReservationError(f"Seat {seat} is taken", "TAKEN")
            self._counter += 1
            reservation = Reservation(f"R{self._counter:04d}", seat, holder.strip())
            self._reservations[reservation.reservation_id] = reservation
            self._by_seat[seat] = reservation.reservation_id
            return {"success": True, "message": "Booked", "data": {"id": reservation.reservation_id}}
        except ReservationError as error:
            LOGGER.warning("booking failed: %s", error.message)
            return {"success": False, "message": error.message, "data": None}

    def find(self, reservation_id: str) -> Optional[Reservation]:
        """Return a reservation, or None."""
        return self._reservations.get(reservation_id)

    def expiring(self, within: timedelta) -> list[tuple[str, int]]:
        """Return reservations older than a duration, oldest first."""
        limit = datetime.now() - within
        old = [item for item in self._reservations.values() if item.created < limit]
        return sorted(((item.reservation_id, item.seat) for item in old), key=lambda pair: pair[1])
`;
