"""Habit tracker log for async Gradio handlers.

Every public method is a coroutine;
outcomes are named by :class:`Outcome` and logged.

Example:
    >>> import asyncio
    >>> log = HabitLog()
    >>> asyncio.run(log.add_habit("Read"))["message"]
    "Habit 'Read' added."
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import Enum, auto
from typing import Any

LOGGER = logging.getLogger(__name__)

MAX_HABITS = 20
MAX_NAME_LENGTH = 40


class Outcome(Enum):
    """What a call ended with; the value is the message template."""

    ADDED = "Habit '{name}' added."
    DUPLICATE = "Habit '{name}' already exists."
    LIMIT = "You can track at most {limit} habits."
    NOT_FOUND = "Habit {habit_id} not found."
    CHECKED_IN = "Checked in '{name}' for {day}."
    ALREADY = "Already checked in for {day}."
    STREAK = "Current streak: {days} days."

    def render(self, **values: Any) -> str:
        """Fill the template.

        Args:
            **values: Values for the placeholders.

        Returns:
            str: The message.
        """
        return self.value.format(**values)


class ErrorCode(Enum):
    """Codes carried by HabitError."""

    GENERIC = auto()
    NOT_FOUND = auto()
    DUPLICATE = auto()


class HabitError(Exception):
    """Base error of the habit log.

    Args:
        message: Text for the user.
        code: Error code name.
    """

    def __init__(self, message: str, code: str = "HABIT_ERROR") -> None:
        super().__init__(message)
        self.message = message
        self.code = code


class HabitNotFoundError(HabitError):
    """Unknown habit id."""


class DuplicateHabitError(HabitError):
    """A habit with that name already exists."""


@dataclass
class Habit:
    """A tracked habit and the days it was done."""

    habit_id: int
    name: str
    days: set[date] = field(default_factory=set)


class HabitLog:
    """All habits of one person, for async handlers."""

    def __init__(self) -> None:
        """Create an empty log."""
        self._habits: dict[int, Habit] = {}

    @staticmethod
    def _reply(outcome: Outcome, success: bool, data: Any = None, **values: Any) -> dict[str, Any]:
        """Build and log a response.

        Args:
            outcome: What happened.
            success: Whether the call succeeded.
            data: The payload.
            **values: Values for the message template.

        Returns:
            dict[str, Any]: The response.
        """
        message = outcome.render(**values)
        LOGGER.debug("%s: %s", outcome.name, message)
        return {"success": success, "message": message, "data": data}

    def _find(self, habit_id: int) -> Habit:
        """Look a habit up.

        Args:
            habit_id: The habit's id.

        Returns:
            Habit: The habit.

        Raises:
            HabitNotFoundError: No habit has that id.
        """
        habit = self._habits.get(habit_id)
        if habit is None:
            message = Outcome.NOT_FOUND.render(habit_id=habit_id)
            raise HabitNotFoundError(message, ErrorCode.NOT_FOUND.name)
        return habit

    async def add_habit(self, name: str) -> dict[str, Any]:
        """Start tracking a habit.

        Args:
            name: The habit's name.

        Returns:
            dict[str, Any]: Response with ``{"habit_id", "name"}``.
        """
        name = name.strip()[:MAX_NAME_LENGTH]
        if any(habit.name.lower() == name.lower() for habit in self._habits.values()):
            return self._reply(Outcome.DUPLICATE, False, name=name)
        if len(self._habits) >= MAX_HABITS:
            return self._reply(Outcome.LIMIT, False, limit=MAX_HABITS)
        habit = Habit(len(self._habits) + 1, name)
        self._habits[habit.habit_id] = habit
        LOGGER.info("added habit %d", habit.habit_id)
        data = {"habit_id": habit.habit_id, "name": name}
        return self._reply(Outcome.ADDED, True, data, name=name)

    async def check_in(self, habit_id: int, day: date) -> dict[str, Any]:
        """Mark a habit done on a day.

        Args:
            habit_id: The habit's id.
            day: The day it was done.

        Returns:
            dict[str, Any]: Response with ``{"habit_id", "day"}``.
        """
        try:
            habit = self._find(habit_id)
            if day in habit.days:
                return self._reply(Outcome.ALREADY, False, day=day.isoformat())
            habit.days.add(day)
        except HabitError as error:
            LOGGER.warning("check-in failed: %s", error.code)
            return {"success": False, "message": error.message, "data": None}
        data = {"habit_id": habit_id, "day": day.isoformat()}
        return self._reply(Outcome.CHECKED_IN, True, data, name=habit.name, day=day.isoformat())

    async def streak(self, habit_id: int, today: date) -> dict[str, Any]:
        """Count consecutive days ending today or yesterday.

        Args:
            habit_id: The habit's id.
            today: Today's date.

        Returns:
            dict[str, Any]: Response with ``{"habit_id", "days"}``.
        """
        try:
            days = set(self._find(habit_id).days)
        except HabitError as error:
            return {"success": False, "message": error.message, "data": None}
        current = today if today in days else today - timedelta(days=1)
        count = 0
        while current in days:
            count += 1
            current -= timedelta(days=1)
        return self._reply(Outcome.STREAK, True, {"habit_id": habit_id, "days": count}, days=count)
