"""Habit tracker backend.

Example:
    >>> from datetime import date
    >>> tracker = HabitLog()
    >>> tracker.add_habit("Walk")["success"]
    True
"""
import threading
from datetime import date, timedelta
from typing import Any, Literal

MAX_HABITS = 25
MAX_NAME_LENGTH = 40

Outcome = Literal["added", "duplicate", "limit", "not_found", "checked_in", "repeat", "streak"]

TEMPLATES: dict[Outcome, str] = {
    "added": "Habit '{name}' added.",
    "duplicate": "Habit '{name}' already exists.",
    "limit": "You can track at most {limit} habits.",
    "not_found": "Habit {habit_id} not found.",
    "checked_in": "Checked in '{name}' for {day}.",
    "repeat": "Already checked in for {day}.",
    "streak": "Current streak: {days} days.",
}


class HabitError(Exception):
    """Base error for habit tracking.

    Attributes:
        message: UI text.
        code: Error code.
    """

    def __init__(self, message: str, code: str = "HABIT_ERROR") -> None:
        """Store the message and code.

        Args:
            message: UI text.
            code: Error code.
        """
        self.message = message
        self.code = code
        super().__init__(message)


class HabitNotFoundError(HabitError):
    """Raised for an unknown habit id."""


class DuplicateHabitError(HabitError):
    """Raised when the name is already tracked."""


def _respond(success: bool, outcome: Outcome, data: Any = None, **values: Any) -> dict[str, Any]:
    """Build a response from a message template.

    Args:
        success: Whether the operation worked.
        outcome: Key of the template.
        data: Payload for the UI.
        **values: Values for the template's fields.

    Returns:
        dict[str, Any]: The structured response.
    """
    return {"success": success, "message": TEMPLATES[outcome].format(**values), "data": data}


class HabitLog:
    """In-memory habit log."""

    def __init__(self) -> None:
        """Create an empty log."""
        self._names: dict[int, str] = {}
        self._done: dict[int, set[date]] = {}
        self._lock = threading.RLock()

    def add_habit(self, name: str) -> dict[str, Any]:
        """Add a habit.

        Args:
            name: The habit's name.

        Returns:
            dict[str, Any]: Response with {"habit_id", "name"}.
        """
        clean = str(name).strip()[:MAX_NAME_LENGTH]
        with self._lock:
            if clean.lower() in {existing.lower() for existing in self._names.values()}:
                return _respond(False, "duplicate", name=clean)
            if len(self._names) >= MAX_HABITS:
                return _respond(False, "limit", limit=MAX_HABITS)
            habit_id = max(self._names, default=0) + 1
            self._names[habit_id] = clean
            self._done[habit_id] = set()
        return _respond(True, "added", {"habit_id": habit_id, "name": clean}, name=clean)

    def check_in(self, habit_id: int, day: date) -> dict[str, Any]:
        """Record that the habit was done.

        Args:
            habit_id: The habit.
            day: The day.

        Returns:
            dict[str, Any]: Response with {"habit_id", "day"}.
        """
        with self._lock:
            if habit_id not in self._names:
                return _respond(False, "not_found", habit_id=habit_id)
            if day in self._done[habit_id]:
                return _respond(False, "repeat", day=day.isoformat())
            self._done[habit_id].add(day)
            name = self._names[habit_id]
        data = {"habit_id": habit_id, "day": day.isoformat()}
        return _respond(True, "checked_in", data, name=name, day=day.isoformat())

    def streak(self, habit_id: int, today: date) -> dict[str, Any]:
        """Length of the current streak.

        Args:
            habit_id: The habit.
            today: Today's date.

        Returns:
            dict[str, Any]: Response with {"habit_id", "days"}.
        """
        with self._lock:
            if habit_id not in self._names:
                return _respond(False, "not_found", habit_id=habit_id)
            done = set(self._done[habit_id])
        start = today if today in done else today - timedelta(days=1)
        days = next((n for n in range(len(done) + 1) if start - timedelta(days=n) not in done), 0)
        return _respond(True, "streak", {"habit_id": habit_id, "days": days}, days=days)


if __name__ == "__main__":
    demo = HabitLog()
    print(demo.add_habit("Stretch"))
    print(demo.check_in(1, date.today()))
    print(demo.streak(1, date.today()))
