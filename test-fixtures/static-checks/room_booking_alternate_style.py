"""Meeting-room booking backend, written in a different style from the references.

Each public method guards itself with try/except and answers through small
response helpers; state changes happen under one lock per instance.

Example:
    >>> desk = RoomBookingDesk.with_rooms(["Aurora", "Borealis"])
    >>> desk.book("Aurora", "Dana", 9)["success"]
    True
"""

from __future__ import annotations

import logging
import threading
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, TypedDict

logger = logging.getLogger(__name__)

OPENING_HOUR = 8
CLOSING_HOUR = 18


class Response(TypedDict):
    """The structured response every public method returns."""

    success: bool
    message: str
    data: Any


class BookingError(ValueError):
    """Base error of the booking desk.

    Attributes:
        message: Text for the UI.
        code: Machine-readable code.
    """

    def __init__(self, message: str, code: str = "BOOKING_ERROR") -> None:
        """Keep the message and code."""
        super().__init__(message)
        self.message = message
        self.code = code


class RoomNotFoundError(BookingError):
    """The room does not exist."""


class SlotTakenError(BookingError):
    """The slot is already booked."""


@dataclass
class Booking:
    """One booked hour."""

    room: str
    person: str
    hour: int
    notes: list[str] = field(default_factory=list)

    def add_note(self, text: str) -> None:
        """Attach a note (model objects are only changed under the desk's lock)."""
        self.notes.append(text)


def ok(message: str, data: Any = None) -> Response:
    """Build a success response."""
    return {"success": True, "message": message, "data": data}


def fail(message: str, data: Any = None) -> Response:
    """Build a failure response."""
    return Response(success=False, message=message, data=data)


def check_hour(hour: int) -> int:
    """Return ``hour`` if the desk is open then, else raise."""
    if not OPENING_HOUR <= hour < CLOSING_HOUR:
        raise BookingError(f"Rooms are open {OPENING_HOUR}-{CLOSING_HOUR}.", "CLOSED")
    return hour


class RoomBookingDesk:
    """Books meeting rooms by the hour."""

    def __init__(self, rooms: list[str] | None = None) -> None:
        """Create a desk with the given rooms."""
        self._mutex = threading.RLock()
        self._rooms: set[str] = set(rooms or [])
        self._bookings: dict[tuple[str, int], Booking] = {}
        self._by_person: defaultdict[str, list[Booking]] = defaultdict(list)
        self.bookings_made = 0

    @classmethod
    def with_rooms(cls, rooms: list[str]) -> RoomBookingDesk:
        """Create a desk with rooms."""
        return cls(rooms)

    @property
    def room_count(self) -> int:
        """Number of rooms."""
        return len(self._rooms)

    def book(self, room: str, person: str, hour: int) -> Response:
        """Book ``room`` for ``person`` at ``hour``."""
        try:
            with self._mutex:
                booking = self._book(room, person, check_hour(hour))
            return ok(f"{room} booked for {person} at {hour}:00.", booking.hour)
        except BookingError as error:
            return fail(error.message, {"code": error.code})
        except Exception:  # noqa: BLE001 - the UI gets a message, the log gets the traceback
            logger.exception("booking failed")
            return fail("Something went wrong.")

    def cancel(self, room: str, hour: int) -> Response:
        """Cancel a booking."""
        try:
            with self._mutex:
                booking = self._bookings.pop((room, hour), None)
                if booking is None:
                    return fail("No such booking.")
                self._by_person[booking.person].remove(booking)
                self.bookings_made -= 1
            return ok("Booking cancelled.")
        except Exception as error:  # noqa: BLE001
            return fail(str(error))

    def schedule(self, room: str) -> Response:
        """List the booked hours of a room."""
        try:
            with self._mutex:
                hours = sorted(hour for (name, hour) in self._bookings if name == room)
        except Exception as error:  # noqa: BLE001
            return fail(str(error))
        if not hours:
            return ok(f"{room} is free all day.", [])
        return ok(f"{room} has {len(hours)} booking(s).", hours)

    def status(self) -> dict[str, Any]:
        """Summarise the desk."""
        result: dict[str, Any] = {"success": True, "message": "", "data": None}
        with self._mutex:
            result["data"] = {"rooms": len(self._rooms), "bookings": len(self._bookings)}
        result["message"] = f"{len(self._rooms)} room(s)."
        return result

    def note(self, room: str, hour: int, text: str) -> Response:
        """Add a note to a booking."""
        try:
            with self._mutex:
                self._bookings[(room, hour)].add_note(text)
            return {"success": True, "message": "Note added.", "data": None}
        except KeyError:
            return {"success": False, "message": "No such booking.", "data": None}

    def _book(self, room: str, person: str, hour: int) -> Booking:
        """Store a booking; the caller holds the lock."""
        if room not in self._rooms:
            raise RoomNotFoundError(f"No room called {room}.", "NO_ROOM")
        if (room, hour) in self._bookings:
            raise SlotTakenError(f"{room} is taken at {hour}:00.", "TAKEN")
        booking = Booking(room, person, hour)
        self._bookings[(room, hour)] = booking
        self._by_person[person].append(booking)
        self.bookings_made += 1
        return booking
