"""Habit tracker log.

Habits are keyword-only dataclasses with a ``Self``-typed class method, ``Habit.named``,
that checks and cleans the name; ``functools.total_ordering`` sorts them by name.

Example:
    >>> from datetime import date
    >>> log = HabitLog()
    >>> log.add_habit("Read")["message"]
    "Habit 'Read' added."
    >>> log.add_habit("READ")["message"]
    "Habit 'READ' already exists."
    >>> log.streak(1, date(2024, 1, 1))["message"]
    'Current streak: 0 days.'
"""

from __future__ import annotations

import functools
import threading
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Self

MAX_HABITS = 20
MAX_NAME_LENGTH = 40


class HabitError(Exception):
    """Base error of the habit log."""

    def __init__(self, message: str, code: str = "HABIT_ERROR") -> None:
        """Keep the message and the code.

        Args:
            message: Text for the user.
            code: Error code.
        """
        super().__init__(message)
        self.message = message
        self.code = code


class HabitNotFoundError(HabitError):
    """Unknown habit id."""


class DuplicateHabitError(HabitError):
    """A habit with that name (case-insensitive) already exists."""


@functools.total_ordering
@dataclass(kw_only=True, eq=False)
class Habit:
    """A tracked habit."""

    habit_id: int
    name: str
    days: set[date] = field(default_factory=set)

    @classmethod
    def named(cls, habit_id: int, name: str) -> Self:
        """Make a habit from a typed name.

        Args:
            habit_id: The id to give it.
            name: The name as typed.

        Returns:
            Self: The habit, its name stripped and cut to MAX_NAME_LENGTH.
        """
        return cls(habit_id=habit_id, name=(name or "").strip()[:MAX_NAME_LENGTH])

    def __eq__(self, other: object) -> bool:
        """Habits are equal when their names are, ignoring case."""
        return isinstance(other, Habit) and self.name.casefold() == other.name.casefold()

    def __lt__(self, other: Habit) -> bool:
        """Order by name, ignoring case."""
        return self.name.casefold() < other.name.casefold()

    def __hash__(self) -> int:
        """Hash by the case-folded name, as equality compares."""
        return hash(self.name.casefold())


class HabitLog:
    """Daily habits and check-ins of one person."""

    def __init__(self) -> None:
        """Start with no habits."""
        self._habits: dict[int, Habit] = {}
        self._lock = threading.Lock()

    def _get(self, habit_id: int) -> Habit:
        """Return a habit or raise HabitNotFoundError (the lock is held)."""
        habit = self._habits.get(habit_id)
        if habit is None:
            raise HabitNotFoundError(f"Habit {habit_id} not found.", "NOT_FOUND")
        return habit

    def add_habit(self, name: str) -> dict[str, Any]:
        """Start tracking a habit.

        Args:
            name: Name of the habit.

        Returns:
            dict[str, Any]: Response with ``{"habit_id", "name"}``.
        """
        with self._lock:
            habit = Habit.named(len(self._habits) + 1, name)
            try:
                if habit in self._habits.values():
                    raise DuplicateHabitError(f"Habit '{habit.name}' already exists.", "DUPLICATE")
                if len(self._habits) >= MAX_HABITS:
                    raise HabitError(f"You can track at most {MAX_HABITS} habits.", "LIMIT")
            except HabitError as error:
                return {"success": False, "message": error.message, "data": None}
            self._habits[habit.habit_id] = habit
        data = {"habit_id": habit.habit_id, "name": habit.name}
        return {"success": True, "message": f"Habit '{habit.name}' added.", "data": data}

    def check_in(self, habit_id: int, day: date) -> dict[str, Any]:
        """Mark a habit done on a day.

        Args:
            habit_id: Id of the habit.
            day: The day.

        Returns:
            dict[str, Any]: Response with ``{"habit_id", "day"}``.
        """
        with self._lock:
            try:
                habit = self._get(habit_id)
            except HabitNotFoundError as error:
                return {"success": False, "message": error.message, "data": None}
            if day in habit.days:
                return {
                    "success": False,
                    "message": f"Already checked in for {day.isoformat()}.",
                    "data": None,
                }
            habit.days.add(day)
        data = {"habit_id": habit_id, "day": day.isoformat()}
        return {
            "success": True,
            "message": f"Checked in '{habit.name}' for {day.isoformat()}.",
            "data": data,
        }

    def streak(self, habit_id: int, today: date) -> dict[str, Any]:
        """Count consecutive days ending today or yesterday.

        Args:
            habit_id: Id of the habit.
            today: The current day.

        Returns:
            dict[str, Any]: Response with ``{"habit_id", "days"}``.
        """
        with self._lock:
            try:
                days = frozenset(self._get(habit_id).days)
            except HabitNotFoundError as error:
                return {"success": False, "message": error.message, "data": None}
        day = today if today in days else today - timedelta(days=1)
        count = 0
        while day in days:
            count, day = count + 1, day - timedelta(days=1)
        return {
            "success": True,
            "message": f"Current streak: {count} days.",
            "data": {"habit_id": habit_id, "days": count},
        }


if __name__ == "__main__":
    log = HabitLog()
    print(log.add_habit("Read"))
    print(log.check_in(1, date.today()))
    print(log.streak(1, date.today()))
