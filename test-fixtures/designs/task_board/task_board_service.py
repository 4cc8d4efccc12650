"""Task board backend for a Gradio screen (fixture: conforms to task_board_technical_design.md)."""

import threading
from dataclasses import dataclass
from typing import Any, Dict, Optional

MAX_TITLE_LENGTH = 80
MAX_TASKS = 200
COLUMNS = ("todo", "doing", "done")
DEFAULT_PRIORITY = 2
PRIORITIES = (1, 2, 3)

MESSAGES = {
    "TITLE_REQUIRED": "A task needs a title.",
    "TITLE_TOO_LONG": f"Titles are limited to {MAX_TITLE_LENGTH} characters.",
    "BAD_PRIORITY": "Priority must be 1, 2 or 3.",
    "BAD_COLUMN": "Unknown column '{column}'. Use todo, doing or done.",
    "TASK_NOT_FOUND": "There is no task #{task_id}.",
    "BOARD_FULL": "The board already holds %d tasks.",
    "INTERNAL_ERROR": "Something unexpected happened; nothing was changed.",
}
MSG_ADDED = "Task #{task_id} '{title}' added to todo."
MSG_REMOVED = "Task #{task_id} removed."
MSG_EMPTY = "Nothing in {column} yet."


class BoardError(Exception):
    """Base error with a stable code."""

    def __init__(self, message: str, code: str = "INTERNAL_ERROR") -> None:
        super().__init__(message)
        self.message = message
        self.code = code


class TaskValidationError(BoardError):
    """Bad input."""


class TaskNotFoundError(BoardError):
    """No task with that id."""


class BoardFullError(BoardError):
    """The board is at capacity."""


@dataclass
class Task:
    """One task on the board."""

    task_id: int
    title: str
    column: str = "todo"
    priority: int = DEFAULT_PRIORITY
    assignee: Optional[str] = None


def normalize_title(raw: str) -> str:
    """Strip a title and collapse inner spaces."""
    return " ".join(str(raw or "").split())


class TaskBoard:
    """The board used by the Gradio handlers."""

    def __init__(self) -> None:
        self._tasks: Dict[int, Task] = {}
        self._next_id = 1
        self._lock = threading.Lock()

    def add_task(self, title: str, *, priority: int = DEFAULT_PRIORITY,
                 assignee: Optional[str] = None) -> Dict[str, Any]:
        """Create a task in the todo column."""
        def action() -> tuple[str, Any]:
            text = normalize_title(title)
            if not text:
                raise TaskValidationError(MESSAGES["TITLE_REQUIRED"], "TITLE_REQUIRED")
            if len(text) > MAX_TITLE_LENGTH:
                raise TaskValidationError(MESSAGES["TITLE_TOO_LONG"], "TITLE_TOO_LONG")
            if priority not in PRIORITIES:
                raise TaskValidationError(MESSAGES["BAD_PRIORITY"], "BAD_PRIORITY")
            if len(self._tasks) >= MAX_TASKS:
                raise BoardFullError(MESSAGES["BOARD_FULL"] % MAX_TASKS, "BOARD_FULL")
            task = Task(self._next_id, text, priority=priority, assignee=assignee)
            self._tasks[task.task_id] = task
            self._next_id += 1
            return MSG_ADDED.format(task_id=task.task_id, title=text), {"task_id": task.task_id}
        return self._respond(action)

    def move_task(self, task_id: int, column: str) -> Dict[str, Any]:
        """Move a task to another column."""
        def action() -> tuple[str, Any]:
            task = self._find(task_id)
            if column not in COLUMNS:
                raise TaskValidationError(MESSAGES["BAD_COLUMN"].format(column=column), "BAD_COLUMN")
            task.column = column
            return f"Task #{task.task_id} moved to {column}.", {"task_id": task.task_id}
        return self._respond(action)

    def remove_task(self, task_id: int) -> Dict[str, Any]:
        """Delete a task."""
        def action() -> tuple[str, Any]:
            task = self._find(task_id)
            del self._tasks[task.task_id]
            return MSG_REMOVED.format(task_id=task.task_id), None
        return self._respond(action)

    def list_column(self, column: str = "todo") -> Dict[str, Any]:
        """Rows of one column for a gr.Dataframe."""
        def action() -> tuple[str, Any]:
            rows = [[t.task_id, t.title, t.priority, t.assignee or ""]
                    for t in self._tasks.values() if t.column == column]
            if not rows:
                return MSG_EMPTY.format(column=column), []
            return "%d task(s) in %s." % (len(rows), column), rows
        return self._respond(action)

    def _find(self, task_id: int) -> Task:
        task = self._tasks.get(task_id)
        if task is None:
            raise TaskNotFoundError(MESSAGES["TASK_NOT_FOUND"].format(task_id=task_id), "TASK_NOT_FOUND")
        return task

    def _respond(self, action: Any) -> Dict[str, Any]:
        try:
            with self._lock:
                message, data = action()
        except BoardError as error:
            return {"success": False, "message": error.message, "data": None}
        except Exception:  # noqa: BLE001
            return {"success": False, "message": MESSAGES["INTERNAL_ERROR"], "data": None}
        return {"success": True, "message": message, "data": data}
