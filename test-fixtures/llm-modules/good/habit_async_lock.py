"""Habit tracker log with async handlers.

Gradio runs ``async def`` handlers on its event loop; the log guards its state
with an ``asyncio.Lock``.

Example:
    >>> import asyncio
    >>> log = HabitLog()
    >>> asyncio.run(log.add_habit("Run"))["message"]
    "Habit 'Run' added."
"""

import asyncio
from datetime import date, timedelta
from typing import Any

MAX_HABITS = 20
MAX_NAME_LENGTH = 40


class HabitError(Exception):
    """Base error.

    Attributes:
        message: Text for the user.
        code: Error code.
    """

    def __init__(self, message: str, code: str = "HABIT_ERROR") -> None:
        super().__init__(message)
        self.message = message
        self.code = code


class HabitNotFoundError(HabitError):
    """Unknown habit."""


class DuplicateHabitError(HabitError):
    """Duplicate name."""


class HabitLog:
    """Async habit log."""

    def __init__(self) -> None:
        """Create an empty log."""
        self._names: dict[int, str] = {}
        self._days: dict[int, set[date]] = {}
        self._lock = asyncio.Lock()

    async def add_habit(self, name: str) -> dict[str, Any]:
        """Add a habit.

        Args:
            name: The habit's name.

        Returns:
            dict[str, Any]: Response with {"habit_id", "name"}.
        """
        name = name.strip()[:MAX_NAME_LENGTH]
        async with self._lock:
            if name.lower() in (known.lower() for known in self._names.values()):
                message = f"Habit '{name}' already exists."
                return {"success": False, "message": message, "data": None}
            if len(self._names) >= MAX_HABITS:
                message = f"You can track at most {MAX_HABITS} habits."
                return {"success": False, "message": message, "data": None}
            habit_id = len(self._names) + 1
            self._names[habit_id] = name
            self._days[habit_id] = set()
        data = {"habit_id": habit_id, "name": name}
        return {"success": True, "message": f"Habit '{name}' added.", "data": data}

    async def check_in(self, habit_id: int, day: date) -> dict[str, Any]:
        """Check a habit off.

        Args:
            habit_id: The habit.
            day: The day.

        Returns:
            dict[str, Any]: Response with {"habit_id", "day"}.
        """
        async with self._lock:
            if habit_id not in self._names:
                message = f"Habit {habit_id} not found."
                return {"success": False, "message": message, "data": None}
            if day in self._days[habit_id]:
                message = f"Already checked in for {day.isoformat()}."
                return {"success": False, "message": message, "data": None}
            self._days[habit_id].add(day)
            name = self._names[habit_id]
        message = f"Checked in '{name}' for {day.isoformat()}."
        data = {"habit_id": habit_id, "day": day.isoformat()}
        return {"success": True, "message": message, "data": data}

    async def streak(self, habit_id: int, today: date) -> dict[str, Any]:
        """Current streak.

        Args:
            habit_id: The habit.
            today: Today.

        Returns:
            dict[str, Any]: Response with {"habit_id", "days"}.
        """
        async with self._lock:
            days = set(self._days.get(habit_id, set()))
            known = habit_id in self._names
        if not known:
            message = f"Habit {habit_id} not found."
            return {"success": False, "message": message, "data": None}
        cursor = today if today in days else today - timedelta(days=1)
        count = 0
        while cursor in days:
            count += 1
            cursor -= timedelta(days=1)
        data = {"habit_id": habit_id, "days": count}
        return {"success": True, "message": f"Current streak: {count} days.", "data": data}
