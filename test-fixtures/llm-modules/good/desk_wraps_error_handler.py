"""Support desk ticket queue.

Public methods raise :class:`DeskError` for expected failures; the
:func:`returns_response` decorator turns those (and anything unexpected) into
the response dictionary the UI shows.

Example:
    >>> desk = SupportDesk()
    >>> desk.close_ticket(42)["message"]
    'Ticket #42 not found.'
"""

from __future__ import annotations

import functools
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

logger = logging.getLogger(__name__)

F = TypeVar("F", bound=Callable[..., dict[str, Any]])

PRIORITIES = ("low", "normal", "high")
DEFAULT_PRIORITY = "normal"
MAX_SUBJECT_LENGTH = 80
UNEXPECTED = "Unexpected error; the ticket was not changed."


class DeskError(Exception):
    """Base desk error.

    Args:
        message: Text for the agent.
        code: Error code.
    """

    def __init__(self, message: str, code: str = "DESK_ERROR") -> None:
        super().__init__(message)
        self.message = message
        self.code = code


class TicketNotFoundError(DeskError):
    """Unknown ticket."""


class TicketClosedError(DeskError):
    """Closed ticket."""


def returns_response(method: F) -> F:
    """Turn exceptions of a public method into a failure response.

    Args:
        method: A method returning a response dictionary.

    Returns:
        F: The wrapped method.
    """

    @functools.wraps(method)
    def wrapper(*args: Any, **kwargs: Any) -> dict[str, Any]:
        try:
            return method(*args, **kwargs)
        except DeskError as error:
            logger.info("%s failed: %s", method.__name__, error.code)
            return {"success": False, "message": error.message, "data": None}
        except Exception:
            logger.exception("%s crashed", method.__name__)
            return {"success": False, "message": UNEXPECTED, "data": None}

    return wrapper  # type: ignore[return-value]


@dataclass
class Ticket:
    """One ticket."""

    ticket_id: int
    subject: str
    priority: str
    assignee: str | None = None
    closed: bool = False


class SupportDesk:
    """The shared queue."""

    def __init__(self) -> None:
        """Create an empty queue."""
        self._tickets: dict[int, Ticket] = {}
        self._last_id = 0
        self._lock = threading.Lock()

    def _open(self, ticket_id: int) -> Ticket:
        """Return an open ticket; the caller holds the lock.

        Args:
            ticket_id: The ticket.

        Returns:
            Ticket: The ticket.

        Raises:
            TicketNotFoundError: Unknown id.
            TicketClosedError: Closed ticket.
        """
        ticket = self._tickets.get(ticket_id)
        if ticket is None:
            raise TicketNotFoundError(f"Ticket #{ticket_id} not found.", "NOT_FOUND")
        if ticket.closed:
            raise TicketClosedError(f"Ticket #{ticket_id} is already closed.", "CLOSED")
        return ticket

    @returns_response
    def open_ticket(self, subject: str, priority: str = DEFAULT_PRIORITY) -> dict[str, Any]:
        """Open a ticket.

        Args:
            subject: The problem.
            priority: low, normal or high.

        Returns:
            dict[str, Any]: Response with ``{"ticket_id", "subject", "priority"}``.

        Raises:
            DeskError: Bad subject or priority (turned into a response).
        """
        if not subject or not subject.strip():
            raise DeskError("A subject is required.", "SUBJECT")
        if priority not in PRIORITIES:
            raise DeskError(f"Priority must be one of: {', '.join(PRIORITIES)}.", "PRIORITY")
        with self._lock:
            self._last_id += 1
            ticket = Ticket(self._last_id, subject.strip()[:MAX_SUBJECT_LENGTH], priority)
            self._tickets[ticket.ticket_id] = ticket
        data = {"ticket_id": ticket.ticket_id, "subject": ticket.subject, "priority": priority}
        return {"success": True, "message": f"Ticket #{ticket.ticket_id} opened.", "data": data}

    @returns_response
    def assign_ticket(self, ticket_id: int, agent: str) -> dict[str, Any]:
        """Assign a ticket.

        Args:
            ticket_id: The ticket.
            agent: The agent.

        Returns:
            dict[str, Any]: Response with ``{"ticket_id", "assignee"}``.
        """
        with self._lock:
            self._open(ticket_id).assignee = agent
        data = {"ticket_id": ticket_id, "assignee": agent}
        message = f"Ticket #{ticket_id} assigned to {agent}."
        return {"success": True, "message": message, "data": data}

    @returns_response
    def close_ticket(self, ticket_id: int) -> dict[str, Any]:
        """Close a ticket.

        Args:
            ticket_id: The ticket.

        Returns:
            dict[str, Any]: Response with ``{"ticket_id"}``.
        """
        with self._lock:
            self._open(ticket_id).closed = True
        message = f"Ticket #{ticket_id} closed."
        return {"success": True, "message": message, "data": {"ticket_id": ticket_id}}

    @returns_response
    def list_open(self) -> dict[str, Any]:
        """Open tickets, highest priority first.

        Returns:
            dict[str, Any]: Response with rows ``[id, subject, priority, assignee]``.
        """
        with self._lock:
            tickets = sorted(
                (t for t in self._tickets.values() if not t.closed),
                key=lambda t: PRIORITIES.index(t.priority),
                reverse=True,
            )
        rows = [[t.ticket_id, t.subject, t.priority, t.assignee or ""] for t in tickets]
        if not rows:
            return {"success": True, "message": "The queue is empty.", "data": []}
        return {"success": True, "message": f"{len(rows)} open tickets.", "data": rows}
