"""An honest module whose results are objects: a dataclass and a plain class (the control case)."""
from dataclasses import dataclass, field

ATTACK = "none"


@dataclass
class Slot:
    """A booked slot; ``note`` does not take part in equality."""

    day: str
    hour: int
    note: str = field(default="", compare=False)


class Roster:
    """Hands out slots and keeps one favourite."""

    def __init__(self):
        self.favourite = Slot("Mon", 9)

    def slot(self, day, hour, note=""):
        """A new slot."""
        return Slot(day, hour, note)

    def pick(self):
        """The same favourite object every time."""
        return self.favourite

    def slots(self):
        """Two slots, as a tuple holding handles."""
        return (Slot("Mon", 9), Slot("Tue", 10))
