"""Support desk queue.

State changes go through :class:`_Guarded`, a small context manager class whose
``__enter__`` takes the desk's lock and whose ``__exit__`` releases it, counting how long
the lock was held for the logs.

Example:
    >>> desk = SupportDesk()
    >>> desk.open_ticket("Printer jam")["message"]
    'Ticket #1 opened.'
    >>> desk.assign_ticket(1, "Ana")["message"]
    'Ticket #1 assigned to Ana.'
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from types import TracebackType
from typing import Any

PRIORITIES = ("low", "normal", "high")
DEFAULT_PRIORITY = "normal"
MAX_SUBJECT_LENGTH = 80

logger = logging.getLogger(__name__)


class DeskError(Exception):
    """Base error of the desk."""

    def __init__(self, message: str, code: str = "DESK_ERROR") -> None:
        """Keep the message and the code.

        Args:
            message: Text for the agent.
            code: Error code.
        """
        super().__init__(message)
        self.message = message
        self.code = code


class TicketNotFoundError(DeskError):
    """No ticket has that id."""


class TicketClosedError(DeskError):
    """The ticket is already closed."""


@dataclass
class Ticket:
    """A support ticket."""

    ticket_id: int
    subject: str
    priority: str
    assignee: str | None = None
    closed: bool = False


class _Guarded:
    """Holds a lock for the length of a ``with`` block."""

    def __init__(self, lock: threading.Lock, name: str) -> None:
        """Remember the lock.

        Args:
            lock: The lock to hold.
            name: A name for the logs.
        """
        self._lock = lock
        self._name = name
        self._since = 0.0

    def __enter__(self) -> _Guarded:
        """Take the lock."""
        self._lock.acquire()
        self._since = time.perf_counter()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        """Release the lock; errors are not swallowed."""
        held = time.perf_counter() - self._since
        self._lock.release()
        logger.debug("%s held for %.6f s", self._name, held)


class SupportDesk:
    """Ticket queue shared by all agents."""

    def __init__(self) -> None:
        """Start with no tickets."""
        self._guard = _Guarded(threading.Lock(), "desk")
        self._tickets: dict[int, Ticket] = {}
        self._last_id = 0

    def _get_open(self, ticket_id: int) -> Ticket:
        """Return an open ticket; call it inside the guard."""
        ticket = self._tickets.get(ticket_id)
        if ticket is None:
            raise TicketNotFoundError(f"Ticket #{ticket_id} not found.", "NOT_FOUND")
        if ticket.closed:
            raise TicketClosedError(f"Ticket #{ticket_id} is already closed.", "CLOSED")
        return ticket

    def open_ticket(self, subject: str, priority: str = DEFAULT_PRIORITY) -> dict[str, Any]:
        """Open a ticket.

        Args:
            subject: The customer's problem.
            priority: One of PRIORITIES.

        Returns:
            dict[str, Any]: Data ``{"ticket_id", "subject", "priority"}``.
        """
        subject = (subject or "").strip()[:MAX_SUBJECT_LENGTH]
        if not subject:
            return {"success": False, "message": "A subject is required.", "data": None}
        if priority not in PRIORITIES:
            message = f"Priority must be one of: {', '.join(PRIORITIES)}."
            return {"success": False, "message": message, "data": None}
        with self._guard:
            self._last_id += 1
            ticket = Ticket(self._last_id, subject, priority)
            self._tickets[ticket.ticket_id] = ticket
        data = {"ticket_id": ticket.ticket_id, "subject": subject, "priority": priority}
        return {"success": True, "message": f"Ticket #{ticket.ticket_id} opened.", "data": data}

    def assign_ticket(self, ticket_id: int, agent: str) -> dict[str, Any]:
        """Give an open ticket to an agent.

        Args:
            ticket_id: Number of the ticket.
            agent: The agent's name.

        Returns:
            dict[str, Any]: Data ``{"ticket_id", "assignee"}``.
        """
        try:
            with self._guard:
                self._get_open(ticket_id).assignee = agent
        except DeskError as error:
            return {"success": False, "message": error.message, "data": None}
        message = f"Ticket #{ticket_id} assigned to {agent}."
        return {
            "success": True,
            "message": message,
            "data": {"ticket_id": ticket_id, "assignee": agent},
        }

    def close_ticket(self, ticket_id: int) -> dict[str, Any]:
        """Close a ticket.

        Args:
            ticket_id: Number of the ticket.

        Returns:
            dict[str, Any]: Data ``{"ticket_id"}``.
        """
        try:
            with self._guard:
                self._get_open(ticket_id).closed = True
        except DeskError as error:
            return {"success": False, "message": error.message, "data": None}
        return {
            "success": True,
            "message": f"Ticket #{ticket_id} closed.",
            "data": {"ticket_id": ticket_id},
        }

    def list_open(self) -> dict[str, Any]:
        """List open tickets, highest priority first.

        Returns:
            dict[str, Any]: Data rows ``[id, subject, priority, assignee]``.
        """
        with self._guard:
            open_tickets = [t for t in self._tickets.values() if not t.closed]
        open_tickets.sort(key=lambda t: (-PRIORITIES.index(t.priority), t.ticket_id))
        rows = [[t.ticket_id, t.subject, t.priority, t.assignee] for t in open_tickets]
        if not rows:
            return {"success": True, "message": "The queue is empty.", "data": []}
        return {"success": True, "message": f"{len(rows)} open tickets.", "data": rows}


if __name__ == "__main__":
    desk = SupportDesk()
    print(desk.open_ticket("Printer jam", "high"))
    print(desk.close_ticket(1))
    print(desk.list_open())
