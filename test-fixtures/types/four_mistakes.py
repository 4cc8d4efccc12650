"""Parcel lockers at a railway station."""

from dataclasses import dataclass, field
from typing import Optional


@dataclass
class LockerBank:
    """Lockers of one station, each holding at most one parcel."""

    station: str
    lockers: dict[int, str] = field(default_factory=dict)

    def store(self, number: int, parcel: str) -> None:
        """Put a parcel into a free locker."""
        self.lockers[number] = parcel

    def lockers(self) -> list[int]:
        """Return the numbers of the occupied lockers."""
        return sorted(self.lockers)

    def find(self, parcel: str) -> Optional[int]:
        """Return the locker holding a parcel, or None."""
        for number, held in self.lockers.items():
            if held == parcel:
                return number
        return None

    def pickup_code(self, parcel: str) -> str:
        """Return the code a customer types to open the locker."""
        number = self.find(parcel)
        return number.to_bytes(2, "big").hex()

    def occupied(self) -> int:
        """Return how many lockers hold a parcel."""
        return f"{len(self.lockers)} lockers"


def open_bank(station: str) -> LockerBank:
    """Return an empty locker bank for a station."""
    bank = LockerBank(station)
    bank.store("7", "parcel-001")
    return bank
