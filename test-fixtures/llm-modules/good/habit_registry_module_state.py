"""Habit tracker log kept in module-level state.

The Gradio app imports this module once; habits live in a registry shared by
every ``HabitLog`` created in the process, guarded by one module lock.

Example:
    >>> from datetime import date
    >>> log = HabitLog()
    >>> log.add_habit("Floss")["data"]["name"]
    'Floss'
"""

from __future__ import annotations

import contextlib
import functools
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

MAX_HABITS = 20
MAX_NAME_LENGTH = 40

_REGISTRY: dict[int, Habit] = {}
_REGISTRY_LOCK = threading.RLock()
_COUNTER = 0


class HabitError(Exception):
    """Base error of the tracker.

    Attributes:
        message: Text for the user.
        code: Error code.
    """

    def __init__(self, message: str, code: str = "HABIT_ERROR") -> None:
        """Store message and code.

        Args:
            message: Text for the user.
            code: Error code.
        """
        super().__init__(message)
        self.message = message
        self.code = code


class HabitNotFoundError(HabitError):
    """Unknown habit."""


class DuplicateHabitError(HabitError):
    """Name already tracked."""


@dataclass(slots=True)
class Habit:
    """A tracked habit.

    Attributes:
        habit_id: Number of the habit.
        name: Its name.
        done: Days it was done.
    """

    habit_id: int
    name: str
    done: set[date] = field(default_factory=set)

    def __post_init__(self) -> None:
        """Validate the name.

        Raises:
            HabitError: When the name is empty or too long.
        """
        if not self.name or len(self.name) > MAX_NAME_LENGTH:
            raise HabitError(f"Habit names are 1 to {MAX_NAME_LENGTH} characters.", "BAD_NAME")


def guarded(method: Callable[..., dict[str, Any]]) -> Callable[..., dict[str, Any]]:
    """Turn errors raised by a method into failure responses.

    Args:
        method: A public method of HabitLog.

    Returns:
        Callable[..., dict[str, Any]]: The wrapped method.
    """

    @functools.wraps(method)
    def wrapper(*args: Any, **kwargs: Any) -> dict[str, Any]:
        try:
            return method(*args, **kwargs)
        except HabitError as error:
            return {"success": False, "message": error.message, "data": None}
        except Exception:
            logger.exception("%s failed", method.__name__)
            return {"success": False, "message": "Unexpected error.", "data": None}

    return wrapper


def _lookup(habit_id: int) -> Habit:
    """Find a habit in the registry.

    Args:
        habit_id: The habit's number.

    Returns:
        Habit: The habit.

    Raises:
        HabitNotFoundError: When there is none.
    """
    try:
        return _REGISTRY[habit_id]
    except KeyError:
        raise HabitNotFoundError(f"Habit {habit_id} not found.", "NOT_FOUND") from None


class HabitLog:
    """Facade the Gradio handlers call."""

    def __init__(self) -> None:
        """Nothing to set up: state is module-wide."""

    @guarded
    def add_habit(self, name: str) -> dict[str, Any]:
        """Track a new habit.

        Args:
            name: The habit's name.

        Returns:
            dict[str, Any]: Response with {"habit_id", "name"}.
        """
        global _COUNTER
        name = name.strip()
        with _REGISTRY_LOCK:
            if any(h.name.lower() == name.lower() for h in _REGISTRY.values()):
                raise DuplicateHabitError(f"Habit '{name}' already exists.", "DUPLICATE")
            if len(_REGISTRY) >= MAX_HABITS:
                raise HabitError(f"You can track at most {MAX_HABITS} habits.", "LIMIT")
            _COUNTER += 1
            habit = Habit(_COUNTER, name)
            _REGISTRY[habit.habit_id] = habit
        return {
            "success": True,
            "message": f"Habit '{name}' added.",
            "data": {"habit_id": habit.habit_id, "name": name},
        }

    @guarded
    def check_in(self, habit_id: int, day: date) -> dict[str, Any]:
        """Record a check-in.

        Args:
            habit_id: The habit's number.
            day: The day it was done.

        Returns:
            dict[str, Any]: Response with {"habit_id", "day"}.
        """
        with _REGISTRY_LOCK:
            habit = _lookup(habit_id)
            if day in habit.done:
                raise HabitError(f"Already checked in for {day.isoformat()}.", "REPEAT")
            habit.done.add(day)
        return {
            "success": True,
            "message": f"Checked in '{habit.name}' for {day.isoformat()}.",
            "data": {"habit_id": habit_id, "day": day.isoformat()},
        }

    @guarded
    def streak(self, habit_id: int, today: date) -> dict[str, Any]:
        """Current streak of a habit.

        Args:
            habit_id: The habit's number.
            today: Today's date.

        Returns:
            dict[str, Any]: Response with {"habit_id", "days"}.
        """
        with _REGISTRY_LOCK:
            done = set(_lookup(habit_id).done)
        day = today if today in done else today - timedelta(days=1)
        days = 0
        while day in done:
            days += 1
            day -= timedelta(days=1)
        with contextlib.suppress(KeyError):
            logger.debug("streak of %s is %d", _REGISTRY[habit_id].name, days)
        return {
            "success": True,
            "message": f"Current streak: {days} days.",
            "data": {"habit_id": habit_id, "days": days},
        }
