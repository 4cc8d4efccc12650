"""Habit tracker log.

Habits are kept by a store behind an abstract interface, so a database-backed store can
replace the in-memory one without touching :class:`HabitLog`.

Example:
    >>> from datetime import date
    >>> log = HabitLog()
    >>> log.add_habit("Read")["message"]
    "Habit 'Read' added."
    >>> log.check_in(1, date(2024, 3, 1))["message"]
    "Checked in 'Read' for 2024-03-01."
"""

from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from datetime import date, timedelta
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


class HabitStore(ABC):
    """Where habits and their check-ins live."""

    @abstractmethod
    def add(self, name: str) -> int:
        """Store a new habit.

        Args:
            name: The habit's name.

        Returns:
            int: The new habit's id.
        """

    @abstractmethod
    def name_of(self, habit_id: int) -> str:
        """Return a habit's name.

        Args:
            habit_id: Id of the habit.

        Returns:
            str: The habit's name.

        Raises:
            HabitNotFoundError: When no habit has that id.
        """

    @abstractmethod
    def names(self) -> list[str]:
        """Return every habit name.

        Returns:
            list[str]: The names, oldest first.
        """

    @abstractmethod
    def days_of(self, habit_id: int) -> set[date]:
        """Return the days a habit was done.

        Args:
            habit_id: Id of the habit.

        Returns:
            set[date]: The store's own set of days.

        Raises:
            HabitNotFoundError: When no habit has that id.
        """


class MemoryStore(HabitStore):
    """A store in a dict, for one process."""

    def __init__(self) -> None:
        """Start empty."""
        self._names: dict[int, str] = {}
        self._days: dict[int, set[date]] = {}

    def add(self, name: str) -> int:
        """Store a new habit.

        Args:
            name: The habit's name.

        Returns:
            int: The new habit's id.
        """
        habit_id = len(self._names) + 1
        self._names[habit_id] = name
        self._days[habit_id] = set()
        return habit_id

    def name_of(self, habit_id: int) -> str:
        """Return a habit's name.

        Args:
            habit_id: Id of the habit.

        Returns:
            str: The habit's name.

        Raises:
            HabitNotFoundError: When no habit has that id.
        """
        if habit_id not in self._names:
            raise HabitNotFoundError(f"Habit {habit_id} not found.", "NOT_FOUND")
        return self._names[habit_id]

    def names(self) -> list[str]:
        """Return every habit name.

        Returns:
            list[str]: The names, oldest first.
        """
        return list(self._names.values())

    def days_of(self, habit_id: int) -> set[date]:
        """Return the days a habit was done.

        Args:
            habit_id: Id of the habit.

        Returns:
            set[date]: The store's own set of days.

        Raises:
            HabitNotFoundError: When no habit has that id.
        """
        self.name_of(habit_id)
        return self._days[habit_id]


class HabitLog:
    """Daily habits and check-ins of one person."""

    def __init__(self) -> None:
        """Start with an empty in-memory store."""
        self._store: HabitStore = MemoryStore()
        self._lock = threading.Lock()

    def add_habit(self, name: str) -> dict[str, Any]:
        """Start tracking a habit.

        Args:
            name: Name of the habit.

        Returns:
            dict[str, Any]: Response with ``{"habit_id", "name"}``.
        """
        name = (name or "").strip()[:MAX_NAME_LENGTH]
        with self._lock:
            names = self._store.names()
            if any(known.casefold() == name.casefold() for known in names):
                return {
                    "success": False,
                    "message": f"Habit '{name}' already exists.",
                    "data": None,
                }
            if len(names) >= MAX_HABITS:
                message = f"You can track at most {MAX_HABITS} habits."
                return {"success": False, "message": message, "data": None}
            habit_id = self._store.add(name)
        return {
            "success": True,
            "message": f"Habit '{name}' added.",
            "data": {"habit_id": habit_id, "name": name},
        }

    def check_in(self, habit_id: int, day: date) -> dict[str, Any]:
        """Mark a habit done on a day.

        Args:
            habit_id: Id of the habit.
            day: The day it was done.

        Returns:
            dict[str, Any]: Response with ``{"habit_id", "day"}``.
        """
        with self._lock:
            name = self._store.name_of(habit_id)
            days = self._store.days_of(habit_id)
            if day in days:
                message = f"Already checked in for {day.isoformat()}."
                return {"success": False, "message": message, "data": None}
            days.add(day)
        data = {"habit_id": habit_id, "day": day.isoformat()}
        return {
            "success": True,
            "message": f"Checked in '{name}' for {day.isoformat()}.",
            "data": data,
        }

    def streak(self, habit_id: int, today: date) -> dict[str, Any]:
        """Count the days in a row ending today or yesterday.

        Args:
            habit_id: Id of the habit.
            today: The current day.

        Returns:
            dict[str, Any]: Response with ``{"habit_id", "days"}``.
        """
        try:
            with self._lock:
                days = set(self._store.days_of(habit_id))
        except HabitError as error:
            return {"success": False, "message": error.message, "data": None}
        current = today if today in days else today - timedelta(days=1)
        count = 0
        while current in days:
            count += 1
            current -= timedelta(days=1)
        data = {"habit_id": habit_id, "days": count}
        return {"success": True, "message": f"Current streak: {count} days.", "data": data}


if __name__ == "__main__":
    log = HabitLog()
    print(log.add_habit("Read"))
    print(log.check_in(1, date.today()))
    print(log.streak(1, date.today()))
