"""
Habit Tracker log.

Keeps daily habits in memory, records check-ins and computes streaks for the
habit tracker page.

Classes:
    HabitLog: The service the Gradio handlers call.
    Habit: One tracked habit.

Example:
    >>> from datetime import date
    >>> log = HabitLog()
    >>> log.add_habit("Read")["message"]
    "Habit 'Read' added."
    >>> log.check_in(1, date(2024, 5, 1))["success"]
    True
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, timedelta
from threading import Lock
from typing import Any, Protocol

logger = logging.getLogger(__name__)

MAX_HABITS = 20
MAX_NAME_LENGTH = 40
ONE_DAY = timedelta(days=1)


class HabitError(Exception):
    """Base exception for the habit log.

    Args:
        message: Text shown to the user.
        code: Machine-readable error code.
    """

    def __init__(self, message: str, code: str = "HABIT_ERROR") -> None:
        super().__init__(message)
        self.message = message
        self.code = code


class HabitNotFoundError(HabitError):
    """Unknown habit id."""


class DuplicateHabitError(HabitError):
    """A habit with that name already exists."""


class Clock(Protocol):
    """Anything that says what day it is."""

    def __call__(self) -> date:
        """Return today's date."""
        ...


@dataclass
class Habit:
    """A habit and the days it was done."""

    habit_id: int
    name: str
    days: set[date] = field(default_factory=set)

    @property
    def key(self) -> str:
        """Case-insensitive name used to detect duplicates."""
        return self.name.casefold()


class HabitLog:
    """Tracks habits and check-ins for the Gradio page."""

    def __init__(self) -> None:
        """Create an empty log."""
        self._habits: dict[int, Habit] = {}
        self._lock = Lock()

    def add_habit(self, name: str) -> dict[str, Any]:
        """Start tracking a habit.

        Args:
            name: Name of the habit, at most MAX_NAME_LENGTH characters.

        Returns:
            dict[str, Any]: The response; data is {"habit_id", "name"}.
        """
        name = (name or "").strip()[:MAX_NAME_LENGTH]
        with self._lock:
            if any(habit.key == name.casefold() for habit in self._habits.values()):
                duplicate = f"Habit '{name}' already exists."
                return self._fail(DuplicateHabitError(duplicate, "DUPLICATE"))
            if len(self._habits) >= MAX_HABITS:
                limit = f"You can track at most {MAX_HABITS} habits."
                return self._fail(HabitError(limit, "LIMIT"))
            habit_id = len(self._habits) + 1
            self._habits[habit_id] = Habit(habit_id, name)
        logger.info("Added habit %d (%s)", habit_id, name)
        data = {"habit_id": habit_id, "name": name}
        return {"success": True, "message": f"Habit '{name}' added.", "data": data}

    def check_in(self, habit_id: int, day: date) -> dict[str, Any]:
        """Mark a habit done on a day.

        Args:
            habit_id: Id returned by add_habit.
            day: The day the habit was done.

        Returns:
            dict[str, Any]: The response; data is {"habit_id", "day"}.
        """
        with self._lock:
            habit = self._habits.get(habit_id)
            if habit is None:
                return self._fail(HabitNotFoundError(f"Habit {habit_id} not found.", "NOT_FOUND"))
            if day in habit.days:
                repeat = f"Already checked in for {day.isoformat()}."
                return self._fail(HabitError(repeat, "REPEAT"))
        habit.days.add(day)
        data = {"habit_id": habit_id, "day": day.isoformat()}
        message = f"Checked in '{habit.name}' for {day.isoformat()}."
        return {"success": True, "message": message, "data": data}

    def streak(self, habit_id: int, today: date) -> dict[str, Any]:
        """Count consecutive days ending today or yesterday.

        Args:
            habit_id: Id returned by add_habit.
            today: The current day.

        Returns:
            dict[str, Any]: The response; data is {"habit_id", "days"}.
        """
        with self._lock:
            habit = self._habits.get(habit_id)
            days = frozenset(habit.days) if habit else frozenset()
        if habit is None:
            return self._fail(HabitNotFoundError(f"Habit {habit_id} not found.", "NOT_FOUND"))
        cursor = today if today in days else today - ONE_DAY
        count = 0
        while cursor in days:
            count += 1
            cursor -= ONE_DAY
        return {
            "success": True,
            "message": f"Current streak: {count} days.",
            "data": {"habit_id": habit_id, "days": count},
        }

    @staticmethod
    def _fail(error: HabitError) -> dict[str, Any]:
        """Turn an error into a failure response."""
        return {"success": False, "message": error.message, "data": None}
