"""Habit tracker log.

Habits are dataclasses changed through one ``_update`` helper (keyword
changes applied with ``setattr``) and serialised field by field.

Example:
    >>> log = HabitLog()
    >>> log.add_habit("Read")["data"]
    {'habit_id': 1, 'name': 'Read'}
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field, fields
from datetime import date, timedelta
from typing import Any

MAX_HABITS = 20
MAX_NAME_LENGTH = 40


class HabitError(Exception):
    """Base error.

    Args:
        message: Text for the user.
        code: Error code.
    """

    def __init__(self, message: str, code: str = "HABIT_ERROR") -> None:
        super().__init__(message)
        self.message = message
        self.code = code


class HabitNotFoundError(HabitError):
    """Unknown habit id."""


class DuplicateHabitError(HabitError):
    """A habit with that name (case-insensitive) already exists."""


@dataclass
class Habit:
    """A habit and the days it was done."""

    habit_id: int
    name: str
    days: set[date] = field(default_factory=set)
    last_check_in: date | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the public fields.

        Returns:
            dict[str, Any]: Field name to value, days left out.
        """
        return {
            f.name: getattr(self, f.name) for f in fields(self) if f.name in ("habit_id", "name")
        }

    def update(self, **changes: Any) -> None:
        """Set fields by name; unknown names are ignored.

        Args:
            **changes: New field values.
        """
        known = {f.name for f in fields(self)}
        for key, value in changes.items():
            if key in known:
                setattr(self, key, value)


class HabitLog:
    """All habits, in memory, safe to share between threads."""

    def __init__(self) -> None:
        """Create an empty log."""
        self._habits: dict[int, Habit] = {}
        self._lock = threading.Lock()

    @staticmethod
    def _response(success: bool, message: str, data: Any = None) -> dict[str, Any]:
        """Build a response."""
        return {"success": success, "message": message, "data": data}

    def add_habit(self, name: str) -> dict[str, Any]:
        """Start tracking a habit.

        Args:
            name: The habit's name.

        Returns:
            dict[str, Any]: Response with ``{"habit_id", "name"}``.
        """
        name = (name or "").strip()[:MAX_NAME_LENGTH]
        with self._lock:
            if any(habit.name.casefold() == name.casefold() for habit in self._habits.values()):
                return self._response(False, f"Habit '{name}' already exists.")
            if len(self._habits) >= MAX_HABITS:
                return self._response(False, f"You can track at most {MAX_HABITS} habits.")
            habit = Habit(len(self._habits) + 1, name)
            self._habits[habit.habit_id] = habit
        return self._response(True, f"Habit '{name}' added.", habit.to_dict())

    def check_in(self, habit_id: int, day: date) -> dict[str, Any]:
        """Mark a habit done on a day.

        Args:
            habit_id: The habit.
            day: The day.

        Returns:
            dict[str, Any]: Response with ``{"habit_id", "day"}``.
        """
        with self._lock:
            habit = self._habits.get(habit_id)
            if habit is None:
                return self._response(False, f"Habit {habit_id} not found.")
            if day in habit.days:
                return self._response(False, f"Already checked in for {day.isoformat()}.")
            habit.days.add(day)
            habit.update(last_check_in=day)
        data = {"habit_id": habit_id, "day": day.isoformat()}
        return self._response(True, f"Checked in '{habit.name}' for {day.isoformat()}.", data)

    def streak(self, habit_id: int, today: date) -> dict[str, Any]:
        """Count consecutive days ending today or yesterday.

        Args:
            habit_id: The habit.
            today: Today.

        Returns:
            dict[str, Any]: Response with ``{"habit_id", "days"}``.
        """
        with self._lock:
            habit = self._habits.get(habit_id)
            days = set(habit.days) if habit is not None else None
        if days is None:
            return self._response(False, f"Habit {habit_id} not found.")
        current = today if today in days else today - timedelta(days=1)
        count = 0
        while current in days:
            count += 1
            current -= timedelta(days=1)
        data = {"habit_id": habit_id, "days": count}
        return self._response(True, f"Current streak: {count} days.", data)
