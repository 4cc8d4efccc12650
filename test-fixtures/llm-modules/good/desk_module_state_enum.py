"""Support desk queue.

All agents share one queue, so the tickets live in a module-level table
guarded by a module-level lock; :class:`SupportDesk` is the interface the
Gradio page calls.

Example:
    >>> desk = SupportDesk()
    >>> desk.open_ticket("Login fails", "urgent")["message"]
    'Priority must be one of: low, normal, high.'
"""

from __future__ import annotations

import itertools
import threading
from dataclasses import dataclass
from enum import Enum
from typing import Any, Final

PRIORITIES: Final = ("low", "normal", "high")
DEFAULT_PRIORITY: Final = "normal"
MAX_SUBJECT_LENGTH: Final = 80


class Priority(str, Enum):
    """Ticket priorities; the value is what the UI shows."""

    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"

    @property
    def rank(self) -> int:
        """Sort rank, high first."""
        return {Priority.HIGH: 0, Priority.NORMAL: 1, Priority.LOW: 2}[self]


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
    """The ticket does not exist."""


class TicketClosedError(DeskError):
    """The ticket is closed."""


@dataclass
class Ticket:
    """A support ticket."""

    ticket_id: int
    subject: str
    priority: str
    assignee: str | None = None
    closed: bool = False


_TICKETS: dict[int, Ticket] = {}
_IDS = itertools.count(1)
_LOCK = threading.Lock()


def _ok(message: str, data: Any = None) -> dict[str, Any]:
    """Success response."""
    return {"success": True, "message": message, "data": data}


def _fail(message: str) -> dict[str, Any]:
    """Failure response."""
    return {"success": False, "message": message, "data": None}


def _open_ticket_or_raise(ticket_id: int) -> Ticket:
    """The open ticket with this id; call with _LOCK held."""
    ticket = _TICKETS.get(ticket_id)
    if ticket is None:
        raise TicketNotFoundError(f"Ticket #{ticket_id} not found.", "NOT_FOUND")
    if ticket.closed:
        raise TicketClosedError(f"Ticket #{ticket_id} is already closed.", "CLOSED")
    return ticket


def _reset() -> None:
    """Forget every ticket and restart ids at 1 (for demos and tests)."""
    global _IDS
    with _LOCK:
        _TICKETS.clear()
        _IDS = itertools.count(1)


class SupportDesk:
    """Interface to the shared ticket queue."""

    __slots__ = ()

    def open_ticket(self, subject: str, priority: str = DEFAULT_PRIORITY) -> dict[str, Any]:
        """Open a ticket.

        Args:
            subject: The problem.
            priority: low, normal or high.

        Returns:
            dict[str, Any]: Response with data ``{"ticket_id", "subject", "priority"}``.
        """
        subject = (subject or "").strip()[:MAX_SUBJECT_LENGTH]
        if not subject:
            return _fail("A subject is required.")
        try:
            level = Priority(priority)
        except ValueError:
            return _fail(f"Priority must be one of: {', '.join(PRIORITIES)}.")
        with _LOCK:
            ticket = Ticket(next(_IDS), subject, level.value)
            _TICKETS[ticket.ticket_id] = ticket
        return _ok(
            f"Ticket #{ticket.ticket_id} opened.",
            {"ticket_id": ticket.ticket_id, "subject": subject, "priority": level.value},
        )

    def assign_ticket(self, ticket_id: int, agent: str) -> dict[str, Any]:
        """Assign an open ticket.

        Args:
            ticket_id: The ticket.
            agent: The agent.

        Returns:
            dict[str, Any]: Response with data ``{"ticket_id", "assignee"}``.
        """
        try:
            with _LOCK:
                _open_ticket_or_raise(ticket_id).assignee = agent
        except DeskError as error:
            return _fail(error.message)
        return _ok(
            f"Ticket #{ticket_id} assigned to {agent}.", {"ticket_id": ticket_id, "assignee": agent}
        )

    def close_ticket(self, ticket_id: int) -> dict[str, Any]:
        """Close an open ticket.

        Args:
            ticket_id: The ticket.

        Returns:
            dict[str, Any]: Response with data ``{"ticket_id"}``.
        """
        try:
            with _LOCK:
                _open_ticket_or_raise(ticket_id).closed = True
        except DeskError as error:
            return _fail(error.message)
        return _ok(f"Ticket #{ticket_id} closed.", {"ticket_id": ticket_id})

    def list_open(self) -> dict[str, Any]:
        """Open tickets, highest priority first.

        Returns:
            dict[str, Any]: Response with rows ``[id, subject, priority, assignee]``.
        """
        with _LOCK:
            tickets = [t for t in _TICKETS.values() if not t.closed]
        ranks = {level.value: level.rank for level in Priority}
        tickets.sort(key=lambda t: (ranks[t.priority], t.ticket_id))
        rows = [[t.ticket_id, t.subject, t.priority, t.assignee or ""] for t in tickets]
        return _ok(f"{len(rows)} open tickets." if rows else "The queue is empty.", rows)
