"""Habit tracker log.

In-memory habits for a Gradio page. Streaks are counted by walking a
generator of consecutive days; validation lives in small helpers nested in
the method that uses them.

Example:
    >>> from datetime import date
    >>> log = HabitLog()
    >>> _ = log.add_habit("Stretch")
    >>> for day in (date(2024, 3, 1), date(2024, 3, 2)):
    ...     _ = log.check_in(1, day)
    >>> log.streak(1, date(2024, 3, 2))["message"]
    'Current streak: 2 days.'
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

MAX_HABITS = 20
MAX_NAME_LENGTH = 40


class HabitError(Exception):
    """Base error of the log.

    Attributes:
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
    """A habit with that name already exists."""


def _days_back(start: date) -> Iterator[date]:
    """Yield ``start``, the day before, and so on."""
    day = start
    while True:
        yield day
        day -= timedelta(days=1)


class HabitLog:
    """Habits and the days they were done."""

    def __init__(self) -> None:
        """Create an empty log."""
        self._habits: dict[int, dict[str, Any]] = {}
        self._lock = threading.Lock()

    def add_habit(self, name: str) -> dict[str, Any]:
        """Start tracking a habit.

        Args:
            name: The habit's name; names are unique ignoring case.

        Returns:
            dict[str, Any]: Response with data ``{"habit_id", "name"}``.
        """

        def problem_with(candidate: str) -> str | None:
            def too_long() -> bool:
                return len(candidate) > MAX_NAME_LENGTH

            def taken() -> bool:
                def folded(text: str) -> str:
                    return text.casefold()

                return any(
                    folded(habit["name"]) == folded(candidate) for habit in self._habits.values()
                )

            if not candidate:
                return "Enter a habit name."
            if too_long():
                return f"Names are limited to {MAX_NAME_LENGTH} characters."
            if len(self._habits) >= MAX_HABITS:
                return f"You can track at most {MAX_HABITS} habits."
            if taken():
                return f"Habit '{candidate}' already exists."
            return None

        cleaned = (name or "").strip()
        with self._lock:
            if problem := problem_with(cleaned):
                return {"success": False, "message": problem, "data": None}
            habit_id = len(self._habits) + 1
            self._habits[habit_id] = {"name": cleaned, "days": set()}
        return {
            "success": True,
            "message": f"Habit '{cleaned}' added.",
            "data": {"habit_id": habit_id, "name": cleaned},
        }

    def check_in(self, habit_id: int, day: date) -> dict[str, Any]:
        """Mark the habit done on a day.

        Args:
            habit_id: The habit.
            day: The day.

        Returns:
            dict[str, Any]: Response with data ``{"habit_id", "day"}``.
        """
        iso_day = day.isoformat()
        with self._lock:
            habit = self._habits.get(habit_id)
            if habit is None:
                return {"success": False, "message": f"Habit {habit_id} not found.", "data": None}
            if day in habit["days"]:
                return {
                    "success": False,
                    "message": f"Already checked in for {iso_day}.",
                    "data": None,
                }
            habit["days"].add(day)
            name = habit["name"]
        return {
            "success": True,
            "message": f"Checked in '{name}' for {iso_day}.",
            "data": {"habit_id": habit_id, "day": iso_day},
        }

    def streak(self, habit_id: int, today: date) -> dict[str, Any]:
        """Count consecutive days ending today or yesterday.

        Args:
            habit_id: The habit.
            today: The current day.

        Returns:
            dict[str, Any]: Response with data ``{"habit_id", "days"}``.
        """
        with self._lock:
            habit = self._habits.get(habit_id)
            days = frozenset(habit["days"]) if habit else None
        if days is None:
            return {"success": False, "message": f"Habit {habit_id} not found.", "data": None}
        start = today if today in days else today - timedelta(days=1)
        count = 0
        for day in _days_back(start):
            if day not in days:
                break
            count += 1
        return {
            "success": True,
            "message": f"Current streak: {count} days.",
            "data": {"habit_id": habit_id, "days": count},
        }
