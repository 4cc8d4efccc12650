"""Habit tracker log.

Habits are kept in an :class:`collections.OrderedDict` so the UI lists them in
the order they were added. Days may come from a ``gr.Textbox`` as ISO text or
from code as :class:`datetime.date`; both are accepted.

Example:
    >>> log = HabitLog()
    >>> log.add_habit("Walk")["data"]
    {'habit_id': 1, 'name': 'Walk'}
    >>> log.check_in(1, "2024-02-03")["message"]
    "Checked in 'Walk' for 2024-02-03."
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from datetime import date, timedelta
from typing import Any, Optional, Union

_LOGGER = logging.getLogger(__name__)

MAX_HABITS = 20
MAX_NAME_LENGTH = 40

DayInput = Union[date, str]


class HabitError(Exception):
    """Base error of the log.

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
    """A habit with that name already exists."""


def _as_day(day: DayInput) -> Optional[date]:
    """Return the day as a date, or None when the text is not an ISO date."""
    if isinstance(day, date):
        return day
    try:
        return date.fromisoformat(str(day).strip())
    except (ValueError, TypeError) as exc:
        _LOGGER.debug("bad day %r: %s", day, exc)
        return None


class HabitLog:
    """Habits in the order they were added, with their check-in days."""

    def __init__(self) -> None:
        """Create an empty log."""
        self._habits: OrderedDict[int, str] = OrderedDict()
        self._days: dict[int, set[date]] = {}
        self._lock = threading.Lock()

    def add_habit(self, name: str) -> dict[str, Any]:
        """Start tracking a habit.

        Args:
            name: The habit's name.

        Returns:
            dict[str, Any]: Response with data ``{"habit_id", "name"}``.
        """
        name = (name or "").strip()
        if not name:
            return {"success": False, "message": "Enter a habit name.", "data": None}
        if len(name) > MAX_NAME_LENGTH:
            return {
                "success": False,
                "message": f"Names are limited to {MAX_NAME_LENGTH} characters.",
                "data": None,
            }
        with self._lock:
            if len(self._habits) >= MAX_HABITS:
                return {
                    "success": False,
                    "message": f"You can track at most {MAX_HABITS} habits.",
                    "data": None,
                }
            if any(existing.lower() == name.lower() for existing in self._habits.values()):
                return {
                    "success": False,
                    "message": f"Habit '{name}' already exists.",
                    "data": None,
                }
            habit_id = max(self._habits, default=0) + 1
            self._habits[habit_id] = name
            self._days[habit_id] = set()
        return {
            "success": True,
            "message": f"Habit '{name}' added.",
            "data": {"habit_id": habit_id, "name": name},
        }

    def check_in(self, habit_id: int, day: date) -> dict[str, Any]:
        """Mark the habit done on a day.

        Args:
            habit_id: The habit.
            day: A date, or ISO text such as ``"2024-05-01"``.

        Returns:
            dict[str, Any]: Response with data ``{"habit_id", "day"}``.
        """
        when = day if isinstance(day, date) else date.fromisoformat(str(day).strip())
        with self._lock:
            name = self._habits.get(habit_id)
            if name is None:
                return {"success": False, "message": f"Habit {habit_id} not found.", "data": None}
            if when in self._days[habit_id]:
                return {
                    "success": False,
                    "message": f"Already checked in for {when.isoformat()}.",
                    "data": None,
                }
            self._days[habit_id].add(when)
        data = {"habit_id": habit_id, "day": when.isoformat()}
        return {
            "success": True,
            "message": f"Checked in '{name}' for {when.isoformat()}.",
            "data": data,
        }

    def streak(self, habit_id: int, today: date) -> dict[str, Any]:
        """Count consecutive days ending today or yesterday.

        Args:
            habit_id: The habit.
            today: The current day.

        Returns:
            dict[str, Any]: Response with data ``{"habit_id", "days"}``.
        """
        when = _as_day(today)
        if when is None:
            return {"success": False, "message": "Enter the day as YYYY-MM-DD.", "data": None}
        with self._lock:
            if habit_id not in self._habits:
                return {"success": False, "message": f"Habit {habit_id} not found.", "data": None}
            days = set(self._days[habit_id])
        if when not in days:
            when -= timedelta(days=1)
        count = 0
        while when in days:
            count += 1
            when -= timedelta(days=1)
        return {
            "success": True,
            "message": f"Current streak: {count} days.",
            "data": {"habit_id": habit_id, "days": count},
        }
