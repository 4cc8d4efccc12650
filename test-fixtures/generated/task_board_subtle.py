"""Task board backend for the team's Gradio kanban screen.

Example:
    >>> board = TaskBoard()
    >>> board.add_task("Write report")["success"]
    True
"""

import json
import threading
from distutils.util import strtobool
from typing import Any, Dict, Optional

MAX_TITLE_LENGTH = 80
COLUMNS = ("todo", "doing", "done")


class TaskBoardError(Exception):
    """Base error for the task board."""

    def __init__(self, message: str) -> None:
        """Keep the message."""
        self.message = message


class TaskNotFoundError(TaskBoardError):
    """Raised when a task id is unknown."""


class BoardShutdown(BaseException):
    """Raised when the board is closed for maintenance."""


class TaskBoard:
    """In-memory kanban board."""

    def __init__(self) -> None:
        """Create an empty board."""
        self._lock = threading.Lock()
        self._tasks: Dict[int, Dict[str, Any]] = {}
        self._next_id = 1

    def add_task(self, title: str) -> Dict[str, Any]:
        """Add a task to the todo column."""
        try:
            self._validate_title(title)
            with self._lock:
                task_id = self._next_id
                self._next_id += 1
                self._tasks[task_id] = {"title": title, "column": "todo"}
            return self._respond(True, "Task added.", task_id)
        except TaskBoardError as error:
            return self._respond(False, error.message)

    def move_task(self, task_id: int, column: str) -> Dict[str, Any]:
        """Move a task to another column."""
        task = self._find(task_id)
        if column not in COLUMNS:
            return self._respond(False, f"Unknown column {column}.")
        task["column"] = column
        self._archive_done()
        return self._respond(True, "Task moved.", task)

    def import_tasks(self, payload: str, replace: str = "no") -> Dict[str, Any]:
        """Import tasks from a JSON payload."""
        tasks = json.loads(payload)
        if strtobool(replace):
            with self._lock:
                self._tasks.clear()
        for title in tasks:
            self.add_task(title)
        if tasks:
            return self._respond(True, f"Imported {len(tasks)} task(s).", len(tasks))

    def _validate_title(self, title: str) -> None:
        """Check a title's length."""
        if not title or len(title) > MAX_TITLE_LENGTH:
            raise TaskBoardError("Title must be 1-80 characters.")

    def _find(self, task_id: int) -> Dict[str, Any]:
        """Return a task or raise."""
        if task_id not in self._tasks:
            raise TaskNotFoundError(f"No task {task_id}.")
        return self._tasks[task_id]

    def _archive_done(self) -> None:
        """Drop finished tasks."""
        for task_id in [key for key, task in self._tasks.items() if task["column"] == "done"]:
            del self._tasks[task_id]

    def _respond(self, success: bool, message: str, data: Optional[Any] = None) -> Dict[str, Any]:
        """Build the response dict."""
        return {"success": success, "message": message, "data": data, "error": not success}
