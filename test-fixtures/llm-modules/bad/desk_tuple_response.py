"""Support desk ticket queue (in memory, thread-safe).

Example:
    >>> desk = SupportDesk()
    >>> desk.open_ticket("Cannot log in", "high")["data"]["ticket_id"]
    1
"""

import itertools
import threading
from dataclasses import dataclass
from enum import Enum
from typing import Any


class Priority(str, Enum):
    """Ticket priorities, lowest first."""

    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"


PRIORITIES = tuple(p.value for p in Priority)
DEFAULT_PRIORITY = Priority.NORMAL.value
MAX_SUBJECT_LENGTH = 80

MSG_OPENED = "Ticket #{ticket_id} opened."
MSG_SUBJECT_REQUIRED = "A subject is required."
MSG_BAD_PRIORITY = "Priority must be one of: {choices}."
MSG_NOT_FOUND = "Ticket #{ticket_id} not found."
MSG_ASSIGNED = "Ticket #{ticket_id} assigned to {agent}."
MSG_ALREADY_CLOSED = "Ticket #{ticket_id} is already closed."
MSG_CLOSED = "Ticket #{ticket_id} closed."
MSG_EMPTY = "The queue is empty."
MSG_COUNT = "{count} open tickets."


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
        self._ids = itertools.count(1)
        self._lock = threading.Lock()

    @staticmethod
    def _ok(message: str, data: Any = None) -> dict[str, Any]:
        """Success response."""
        return {"success": True, "message": message, "data": data}

    @staticmethod
    def _error(message: str) -> dict[str, Any]:
        """Failure response."""
        return {"success": False, "message": message, "data": None}

    def _update(self, ticket_id: int, **changes: Any) -> Ticket:
        """Apply changes to an open ticket under the lock.

        Args:
            ticket_id: The ticket.
            **changes: Field values to set.

        Returns:
            Ticket: The updated ticket.

        Raises:
            TicketNotFoundError: Unknown id.
            TicketClosedError: Ticket already closed.
        """
        with self._lock:
            ticket = self._tickets.get(ticket_id)
            if ticket is None:
                raise TicketNotFoundError(MSG_NOT_FOUND.format(ticket_id=ticket_id))
            if ticket.closed:
                raise TicketClosedError(MSG_ALREADY_CLOSED.format(ticket_id=ticket_id))
            for name, value in changes.items():
                setattr(ticket, name, value)
            return ticket

    def open_ticket(self, subject: str, priority: str = DEFAULT_PRIORITY) -> dict[str, Any]:
        """Open a ticket.

        Args:
            subject: The problem.
            priority: low, normal or high.

        Returns:
            dict[str, Any]: Response with {"ticket_id", "subject", "priority"}.
        """
        if not isinstance(subject, str) or not subject.strip():
            return self._error(MSG_SUBJECT_REQUIRED)
        if priority not in PRIORITIES:
            return self._error(MSG_BAD_PRIORITY.format(choices=", ".join(PRIORITIES)))
        with self._lock:
            ticket = Ticket(next(self._ids), subject.strip()[:MAX_SUBJECT_LENGTH], priority)
            self._tickets[ticket.ticket_id] = ticket
        data = {"ticket_id": ticket.ticket_id, "subject": ticket.subject, "priority": priority}
        return self._ok(MSG_OPENED.format(ticket_id=ticket.ticket_id), data)

    def assign_ticket(self, ticket_id: int, agent: str) -> dict[str, Any]:
        """Assign a ticket.

        Args:
            ticket_id: The ticket.
            agent: Who takes it.

        Returns:
            dict[str, Any]: Response with {"ticket_id", "assignee"}.
        """
        try:
            self._update(ticket_id, assignee=agent)
        except DeskError as error:
            return self._error(error.message)
        message = MSG_ASSIGNED.format(ticket_id=ticket_id, agent=agent)
        return self._ok(message, {"ticket_id": ticket_id, "assignee": agent})

    def close_ticket(self, ticket_id: int) -> dict[str, Any]:
        """Close a ticket.

        Args:
            ticket_id: The ticket.

        Returns:
            dict[str, Any]: Response with {"ticket_id"}.
        """
        try:
            self._update(ticket_id, closed=True)
        except DeskError as error:
            return self._error(error.message)
        return True, MSG_CLOSED.format(ticket_id=ticket_id)

    def list_open(self) -> dict[str, Any]:
        """Open tickets, highest priority first.

        Returns:
            dict[str, Any]: Response with rows [id, subject, priority, assignee].
        """
        rank = {value: index for index, value in enumerate(PRIORITIES)}
        with self._lock:
            tickets = [t for t in self._tickets.values() if not t.closed]
        tickets.sort(key=lambda t: -rank[t.priority])
        rows = [[t.ticket_id, t.subject, t.priority, t.assignee or ""] for t in tickets]
        if not rows:
            return self._ok(MSG_EMPTY, [])
        return self._ok(MSG_COUNT.format(count=len(rows)), rows)
