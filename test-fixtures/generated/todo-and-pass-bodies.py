"""Gym class booking backend.

Example:
    >>> desk = BookingDesk()
    >>> desk.book("yoga", "Ana")["success"]
    True
"""

from typing import Any

MAX_CLASS_SIZE = 20


class BookingError(Exception):
    """Base error of the booking desk."""


class FullClassError(BookingError):
    pass


class WaitingList:
    pass


class BookingDesk:
    """Books members into gym classes."""

    def __init__(self) -> None:
        """Create an empty desk."""
        self._bookings: dict[str, list[str]] = {}

    def book(self, class_name: str, member: str) -> dict[str, Any]:
        """Book a member into a class.

        Args:
            class_name: The class, e.g. ``yoga``.
            member: The member's name.

        Returns:
            dict: The structured response.
        """
        # TODO: validate the member name
        attendees = self._bookings.setdefault(class_name, [])
        if len(attendees) >= MAX_CLASS_SIZE:
            return {"success": False, "message": "The class is full.", "data": None}
        attendees.append(member)
        return {"success": True, "message": f"{member} booked.", "data": attendees}

    def cancel(self, class_name: str, member: str) -> dict[str, Any]:
        """Cancel a booking.

        Args:
            class_name: The class.
            member: The member's name.

        Returns:
            dict: The structured response.
        """
        pass

    def list_classes(self) -> dict[str, Any]:
        """List the classes with bookings.

        Returns:
            dict: The structured response.
        """
        ...

    def export_csv(self, path: str) -> dict[str, Any]:
        """Export the bookings.

        Args:
            path: Where to write the file.

        Returns:
            dict: The structured response.
        """
        raise NotImplementedError("CSV export is not available yet")

    def statistics(self) -> dict[str, Any]:
        """Summarise attendance.

        Returns:
            dict: The structured response.
        """
        counts = {name: len(people) for name, people in self._bookings.items()}
        # ... rest of the implementation goes here
        return {"success": True, "message": "Statistics ready.", "data": counts}
