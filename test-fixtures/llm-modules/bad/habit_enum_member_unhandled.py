"""Habit tracker log driven by a state machine.

Each request runs through :class:`Step` states until it reaches an :class:`Outcome`; the
outcome alone decides the response, in one ``match`` over every member of the enum.

Example:
    >>> from datetime import date
    >>> log = HabitLog()
    >>> log.add_habit("Read")["message"]
    "Habit 'Read' added."
    >>> log.check_in(1, date(2024, 3, 1))["message"]
    "Checked in 'Read' for 2024-03-01."
    >>> log.check_in(1, date(2024, 3, 1))["message"]
    'Already checked in for 2024-03-01.'
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import Enum, auto, unique
from typing import Any

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


@unique
class Step(Enum):
    """Where a request is in its checks."""

    START = auto()
    NAME_CHECKED = auto()
    LIMIT_CHECKED = auto()
    FOUND = auto()
    DAY_CHECKED = auto()


@unique
class Outcome(Enum):
    """How a request ended."""

    ADDED = auto()
    DUPLICATE_NAME = auto()
    LIMIT_REACHED = auto()
    NOT_FOUND = auto()
    CHECKED_IN = auto()
    ALREADY_CHECKED = auto()
    STREAK = auto()
    STREAK_BROKEN = auto()


@dataclass
class Habit:
    """A tracked habit."""

    habit_id: int
    name: str
    days: set[date] = field(default_factory=set)


@dataclass
class Context:
    """What a request carries through the steps."""

    name: str = ""
    habit: Habit | None = None
    day: date | None = None
    days: int = 0


NEXT_STEP: dict[tuple[Step, bool], Step | Outcome] = {
    (Step.START, True): Step.NAME_CHECKED,
    (Step.START, False): Outcome.DUPLICATE_NAME,
    (Step.NAME_CHECKED, True): Step.LIMIT_CHECKED,
    (Step.NAME_CHECKED, False): Outcome.LIMIT_REACHED,
    (Step.LIMIT_CHECKED, True): Outcome.ADDED,
    (Step.FOUND, True): Step.DAY_CHECKED,
    (Step.FOUND, False): Outcome.NOT_FOUND,
    (Step.DAY_CHECKED, True): Outcome.CHECKED_IN,
    (Step.DAY_CHECKED, False): Outcome.ALREADY_CHECKED,
}


class HabitLog:
    """Daily habits and check-ins of one person."""

    def __init__(self) -> None:
        """Start with no habits."""
        self._habits: dict[int, Habit] = {}
        self._lock = threading.Lock()

    def _respond(self, outcome: Outcome, context: Context) -> dict[str, Any]:
        """Turn an outcome into the response the UI shows."""
        habit = context.habit
        day = context.day.isoformat() if context.day else ""
        match outcome:
            case Outcome.ADDED:
                data = {"habit_id": habit.habit_id, "name": habit.name} if habit else None
                return {"success": True, "message": f"Habit '{context.name}' added.", "data": data}
            case Outcome.DUPLICATE_NAME:
                message = f"Habit '{context.name}' already exists."
                return {"success": False, "message": message, "data": None}
            case Outcome.LIMIT_REACHED:
                message = f"You can track at most {MAX_HABITS} habits."
                return {"success": False, "message": message, "data": None}
            case Outcome.NOT_FOUND:
                return {
                    "success": False,
                    "message": f"Habit {context.name} not found.",
                    "data": None,
                }
            case Outcome.CHECKED_IN:
                data = {"habit_id": habit.habit_id, "day": day} if habit else None
                return {
                    "success": True,
                    "message": f"Checked in '{context.name}' for {day}.",
                    "data": data,
                }
            case Outcome.ALREADY_CHECKED:
                return {"success": False, "message": f"Already checked in for {day}.", "data": None}
            case Outcome.STREAK:
                data = {"habit_id": habit.habit_id, "days": context.days} if habit else None
                return {
                    "success": True,
                    "message": f"Current streak: {context.days} days.",
                    "data": data,
                }

    def add_habit(self, name: str) -> dict[str, Any]:
        """Start tracking a habit.

        Args:
            name: Name of the habit.

        Returns:
            dict[str, Any]: Response with ``{"habit_id", "name"}``.
        """
        context = Context(name=(name or "").strip()[:MAX_NAME_LENGTH])
        with self._lock:
            state: Step | Outcome = Step.START
            while isinstance(state, Step):
                if state is Step.START:
                    wanted = context.name.casefold()
                    ok = all(h.name.casefold() != wanted for h in self._habits.values())
                elif state is Step.NAME_CHECKED:
                    ok = len(self._habits) < MAX_HABITS
                else:
                    context.habit = Habit(len(self._habits) + 1, context.name)
                    self._habits[context.habit.habit_id] = context.habit
                    ok = True
                state = NEXT_STEP[(state, ok)]
        return self._respond(state, context)

    def check_in(self, habit_id: int, day: date) -> dict[str, Any]:
        """Mark a habit done on a day.

        Args:
            habit_id: Id of the habit.
            day: The day.

        Returns:
            dict[str, Any]: Response with ``{"habit_id", "day"}``.
        """
        context = Context(name=str(habit_id), day=day)
        with self._lock:
            context.habit = self._habits.get(habit_id)
            state = NEXT_STEP[(Step.FOUND, context.habit is not None)]
            if state is Step.DAY_CHECKED and context.habit is not None:
                context.name = context.habit.name
                state = NEXT_STEP[(Step.DAY_CHECKED, day not in context.habit.days)]
                context.habit.days.add(day)
        if isinstance(state, Step):
            state = Outcome.NOT_FOUND
        return self._respond(state, context)

    def streak(self, habit_id: int, today: date) -> dict[str, Any]:
        """Count consecutive days ending today or yesterday.

        Args:
            habit_id: Id of the habit.
            today: The current day.

        Returns:
            dict[str, Any]: Response with ``{"habit_id", "days"}``.
        """
        context = Context(name=str(habit_id))
        with self._lock:
            context.habit = self._habits.get(habit_id)
            days = set(context.habit.days) if context.habit else set()
        if context.habit is None:
            return self._respond(Outcome.NOT_FOUND, context)
        if today not in days and today - timedelta(days=1) not in days:
            return self._respond(Outcome.STREAK_BROKEN, context)
        current = today if today in days else today - timedelta(days=1)
        while current in days:
            context.days += 1
            current -= timedelta(days=1)
        return self._respond(Outcome.STREAK, context)


if __name__ == "__main__":
    log = HabitLog()
    print(log.add_habit("Read"))
    print(log.check_in(1, date.today()))
    print(log.streak(1, date.today()))
