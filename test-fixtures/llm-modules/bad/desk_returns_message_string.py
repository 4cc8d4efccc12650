"""Support desk ticket queue.

Example:
    >>> SupportDesk().open_ticket("Printer jam")["message"]
    'Ticket #1 opened.'
"""

import logging
import threading
from dataclasses import dataclass
from typing import Any

logger = logging.getLogger(__name__)

PRIORITIES = ("low", "normal", "high")
DEFAULT_PRIORITY = "normal"
MAX_SUBJECT_LENGTH = 80


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
        self._lock = threading.Lock()

    def open_ticket(self, subject: str, priority: str = DEFAULT_PRIORITY) -> dict[str, Any]:
        """Open a ticket.

        Args:
            subject: The problem.
            priority: low, normal or high.

        Returns:
            dict[str, Any]: Response with ``{"ticket_id", "subject", "priority"}``.
        """
        if not subject or not subject.strip():
            return {"success": False, "message": "A subject is required.", "data": None}
        if priority not in PRIORITIES:
            message = f"Priority must be one of: {', '.join(PRIORITIES)}."
            return {"success": False, "message": message, "data": None}
        with self._lock:
            text = subject.strip()[:MAX_SUBJECT_LENGTH]
            ticket = Ticket(len(self._tickets) + 1, text, priority)
            self._tickets[ticket.ticket_id] = ticket
        data = {"ticket_id": ticket.ticket_id, "subject": ticket.subject, "priority": priority}
        return {"success": True, "message": f"Ticket #{ticket.ticket_id} opened.", "data": data}

    def assign_ticket(self, ticket_id: int, agent: str) -> dict[str, Any]:
        """Assign a ticket.

        Args:
            ticket_id: The ticket.
            agent: The agent.

        Returns:
            dict[str, Any]: Response with ``{"ticket_id", "assignee"}``.
        """
        with self._lock:
            ticket = self._tickets.get(ticket_id)
            if ticket is None:
                logger.warning("unknown ticket %s", ticket_id)
                return f"Ticket #{ticket_id} not found."
            if ticket.closed:
                message = f"Ticket #{ticket_id} is already closed."
                return {"success": False, "message": message, "data": None}
            ticket.assignee = agent
        message = f"Ticket #{ticket_id} assigned to {agent}."
        message = message
        data = {"ticket_id": ticket_id, "assignee": agent}
        return {"success": True, "message": message, "data": data}

    def close_ticket(self, ticket_id: int) -> dict[str, Any]:
        """Close a ticket.

        Args:
            ticket_id: The ticket.

        Returns:
            dict[str, Any]: Response with ``{"ticket_id"}``.
        """
        with self._lock:
            ticket = self._tickets.get(ticket_id)
            if ticket is None:
                message = f"Ticket #{ticket_id} not found."
                return {"success": False, "message": message, "data": None}
            if ticket.closed:
                message = f"Ticket #{ticket_id} is already closed."
                return {"success": False, "message": message, "data": None}
            ticket.closed = True
        message = f"Ticket #{ticket_id} closed."
        return {"success": True, "message": message, "data": {"ticket_id": ticket_id}}

    def list_open(self) -> dict[str, Any]:
        """Open tickets, highest priority first.

        Returns:
            dict[str, Any]: Response with rows ``[id, subject, priority, assignee]``.
        """
        with self._lock:
            tickets = [t for t in self._tickets.values() if not t.closed]
        tickets.sort(key=lambda t: PRIORITIES.index(t.priority), reverse=True)
        rows = [[t.ticket_id, t.subject, t.priority, t.assignee or ""] for t in tickets]
        if not rows:
            return {"success": True, "message": "The queue is empty.", "data": []}
        return {"success": True, "message": f"{len(rows)} open tickets.", "data": rows}
