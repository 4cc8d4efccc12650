"""Support desk queue.

Besides the tickets, the desk keeps a view of the latest ticket each agent took, held in a
:class:`weakref.WeakValueDictionary`: a ticket dropped from the desk does not linger there.

Example:
    >>> desk = SupportDesk()
    >>> desk.open_ticket("Printer jam", "high")["message"]
    'Ticket #1 opened.'
    >>> desk.list_open()["data"]
    [[1, 'Printer jam', 'high', None]]
"""

from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass
from typing import Any

PRIORITIES = ("low", "normal", "high")
DEFAULT_PRIORITY = "normal"
MAX_SUBJECT_LENGTH = 80


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


@dataclass(eq=False)
class Ticket:
    """A support ticket (compared by identity, so it can be weakly referenced and hashed)."""

    ticket_id: int
    subject: str
    priority: str
    assignee: str | None = None
    closed: bool = False


class SupportDesk:
    """Ticket queue shared by all agents."""

    def __init__(self) -> None:
        """Start with no tickets."""
        self._lock = threading.RLock()
        self._tickets: dict[int, Ticket] = {}
        self._latest_by_agent: weakref.WeakValueDictionary[str, Ticket] = (
            weakref.WeakValueDictionary()
        )

    def _require_open(self, ticket_id: int) -> Ticket:
        """Return the open ticket with that id (the caller holds the lock)."""
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
        subject = (subject or "").strip()
        if not subject:
            return {"success": False, "message": "A subject is required.", "data": None}
        if priority not in PRIORITIES:
            message = "Priority must be one of: {}.".format(", ".join(PRIORITIES))
            return {"success": False, "message": message, "data": None}
        with self._lock:
            ticket_id = max(self._tickets, default=0) + 1
            self._tickets[ticket_id] = Ticket(ticket_id, subject[:MAX_SUBJECT_LENGTH], priority)
        data = {
            "ticket_id": ticket_id,
            "subject": subject[:MAX_SUBJECT_LENGTH],
            "priority": priority,
        }
        return {"success": True, "message": f"Ticket #{ticket_id} opened.", "data": data}

    def assign_ticket(self, ticket_id: int, agent: str) -> dict[str, Any]:
        """Give an open ticket to an agent.

        Args:
            ticket_id: Number of the ticket.
            agent: The agent's name.

        Returns:
            dict[str, Any]: Data ``{"ticket_id", "assignee"}``.
        """
        with self._lock:
            try:
                ticket = self._require_open(ticket_id)
            except DeskError as error:
                return {"success": False, "message": error.message, "data": None}
            ticket.assignee = agent
            self._latest_by_agent[agent] = ticket
        message = f"Ticket #{ticket_id} assigned to {agent}."
        return {
            "success": True,
            "message": message,
            "data": {"ticket_id": ticket_id, "assignee": agent},
        }

    def close_ticket(self, ticket_id: int) -> dict[str, Any]:
        """Close a ticket and forget it.

        Args:
            ticket_id: Number of the ticket.

        Returns:
            dict[str, Any]: Data ``{"ticket_id"}``.
        """
        with self._lock:
            try:
                ticket = self._require_open(ticket_id)
            except DeskError as error:
                return {"success": False, "message": error.message, "data": None}
            ticket.closed = True
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
        with self._lock:
            rows = [
                [t.ticket_id, t.subject, t.priority, t.assignee]
                for t in sorted(
                    self._tickets.values(),
                    key=lambda t: (-PRIORITIES.index(t.priority), t.ticket_id),
                )
                if not t.closed
            ]
        if not rows:
            return {"success": True, "message": "The queue is empty.", "data": []}
        return {"success": True, "message": f"{len(rows)} open tickets.", "data": rows}


if __name__ == "__main__":
    desk = SupportDesk()
    desk.open_ticket("Printer jam", "high")
    print(desk.assign_ticket(1, "Ana"))
    print(desk.list_open())
