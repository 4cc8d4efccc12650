"""Kayak rentals on a lake."""


class Kayak:
    """One kayak of the fleet."""

    def __init__(self, name: str, seats: int) -> None:
        """Create a kayak with its name and number of seats."""
        self.name = name
        self.seats = seats


def describe(kayak: Kayak) -> str:
    """Return a short description for the rental desk."""
    return f"{kayak.name} ({kayak.seat_count} seats)"


def shout(kayak: Kayak) -> str:
    """Return the kayak's name in capitals."""
    return kayak.name.uppercase()
