"""Habit tracker log.

Tracks daily habits in memory for a Gradio page. Every public method returns
``{"success": bool, "message": str, "data": Any}`` and never raises.

Example:
    >>> from datetime import date
    >>> log = HabitLog()
    >>> log.add_habit("Read")["message"]
    "Habit 'Read' added."
    >>> log.check_in(1, date(2024, 5, 1))["message"]
    "Checked in 'Read' for 2024-05-01."
"""

from __future__ import annotations

import logging
import threading
from datetime import date, timedelta
from enum import Enum, auto
from typing import Any

logger = logging.getLogger(__name__)

MAX_HABITS = 20
MAX_NAME_LENGTH = 40
ONE_DAY = timedelta(days=1)


class Outcome(Enum):
    """What a check-in did."""

    RECORDED = auto()
    DUPLICATE = auto()


class HabitError(Exception):
    """Base error of the habit log.

    Args:
        message: Text for the user.
        code: Error code for programs.
    """

    def __init__(self, message: str, code: str = "HABIT_ERROR") -> None:
        super().__init__(message)
        self.message = message
        self.code = code


class HabitNotFoundError(HabitError):
    """Unknown habit id."""


class DuplicateHabitError(HabitError):
    """A habit with that name already exists."""


class HabitLog:
    """Habits and their check-ins, kept in memory."""

    def __init__(self) -> None:
        """Create an empty log."""
        self._names: dict[int, str] = {}
        self._days: dict[int, set[date]] = {}
        self._lock = threading.Lock()

    def _name_of(self, habit_id: int) -> str:
        """Return the habit's name or raise HabitNotFoundError."""
        try:
            return self._names[habit_id]
        except KeyError as error:
            raise HabitNotFoundError(f"Habit {habit_id} not found.", "NOT_FOUND") from error

    def _validate_name(self, name: str) -> str:
        """Return the cleaned name or raise HabitError."""
        match (cleaned := (name or "").strip()), len(self._names):
            case ("", _):
                raise HabitError("Enter a habit name.", "EMPTY_NAME")
            case (_, count) if count >= MAX_HABITS:
                raise HabitError(f"You can track at most {MAX_HABITS} habits.", "LIMIT")
            case (text, _) if len(text) > MAX_NAME_LENGTH:
                raise HabitError(f"Names are limited to {MAX_NAME_LENGTH} characters.", "TOO_LONG")
            case (text, _) if text.casefold() in {n.casefold() for n in self._names.values()}:
                raise DuplicateHabitError(f"Habit '{text}' already exists.", "DUPLICATE")
        return cleaned

    def add_habit(self, name: str) -> dict[str, Any]:
        """Start tracking a habit.

        Args:
            name: The habit's name.

        Returns:
            dict[str, Any]: Response with data ``{"habit_id", "name"}``.
        """
        self._lock.acquire()
        try:
            cleaned = self._validate_name(name)
            habit_id = len(self._names) + 1
            self._names[habit_id] = cleaned
            self._days[habit_id] = set()
        except HabitError as error:
            logger.info("add_habit refused: %s", error.code)
            return {"success": False, "message": error.message, "data": None}
        else:
            logger.debug("habit %d added", habit_id)
        finally:
            self._lock.release()
        return {
            "success": True,
            "message": f"Habit '{cleaned}' added.",
            "data": {"habit_id": habit_id, "name": cleaned},
        }

    def check_in(self, habit_id: int, day: date) -> dict[str, Any]:
        """Mark a habit done on a day.

        Args:
            habit_id: The habit.
            day: The day it was done.

        Returns:
            dict[str, Any]: Response with data ``{"habit_id", "day"}``.
        """
        try:
            with self._lock:
                name = self._name_of(habit_id)
                days = self._days[habit_id]
                outcome = Outcome.DUPLICATE if day in days else Outcome.RECORDED
                days.add(day)
        except HabitError as error:
            return {"success": False, "message": error.message, "data": None}
        data = {"habit_id": habit_id, "day": day.isoformat()}
        match outcome:
            case Outcome.DUPLICATE:
                return {
                    "success": False,
                    "message": f"Already checked in for {day.isoformat()}.",
                    "data": data,
                }
            case Outcome.RECORDED:
                return {
                    "success": True,
                    "message": f"Checked in '{name}' for {day.isoformat()}.",
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
        try:
            with self._lock:
                self._name_of(habit_id)
                days = set(self._days[habit_id])
        except HabitError as error:
            return {"success": False, "message": error.message, "data": None}
        current = today if today in days else today - ONE_DAY
        count = 0
        while current in days:
            count += 1
            current -= ONE_DAY
        return {
            "success": True,
            "message": f"Current streak: {count} days.",
            "data": {"habit_id": habit_id, "days": count},
        }
