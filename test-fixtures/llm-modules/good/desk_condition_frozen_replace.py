"""Support desk ticket queue.

Tickets are frozen dataclasses replaced on change (``dataclasses.replace``);
the queue is guarded by a ``threading.Condition``.

Example:
    >>> desk = SupportDesk()
    >>> desk.open_ticket("Printer jam")["message"]
    'Ticket #1 opened.'
"""

from __future__ import annotations

import dataclasses
import threading
from typing import Any

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


@dataclasses.dataclass(frozen=True)
class Ticket:
    """One ticket; changes make a new one."""

    ticket_id: int
    subject: str
    priority: str
    assignee: str | None = None
    closed: bool = False

    def __post_init__(self) -> None:
        """Check the priority.

        Raises:
            DeskError: Unknown priority.
        """
        if self.priority not in PRIORITIES:
            raise DeskError(f"Priority must be one of: {', '.join(PRIORITIES)}.", "PRIORITY")


class SupportDesk:
    """The shared queue."""

    def __init__(self) -> None:
        """Create an empty queue."""
        self._tickets: dict[int, Ticket] = {}
        self._changed = threading.Condition()

    def _get_open(self, ticket_id: int) -> Ticket:
        """Return an open ticket; the caller holds the condition.

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
        try:
            with self._changed:
                text = subject.strip()[:MAX_SUBJECT_LENGTH]
                ticket = Ticket(len(self._tickets) + 1, text, priority)
                self._tickets[ticket.ticket_id] = ticket
                self._changed.notify_all()
        except DeskError as error:
            return {"success": False, "message": error.message, "data": None}
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
        try:
            with self._changed:
                ticket = self._get_open(ticket_id)
                self._tickets[ticket_id] = dataclasses.replace(ticket, assignee=agent)
        except DeskError as error:
            return {"success": False, "message": error.message, "data": None}
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
        try:
            with self._changed:
                ticket = self._get_open(ticket_id)
                self._tickets[ticket_id] = dataclasses.replace(ticket, closed=True)
        except DeskError as error:
            return {"success": False, "message": error.message, "data": None}
        message = f"Ticket #{ticket_id} closed."
        return {"success": True, "message": message, "data": {"ticket_id": ticket_id}}

    def list_open(self) -> dict[str, Any]:
        """Open tickets, highest priority first.

        Returns:
            dict[str, Any]: Response with rows ``[id, subject, priority, assignee]``.
        """
        with self._changed:
            tickets = [ticket for ticket in self._tickets.values() if not ticket.closed]
        tickets.sort(key=lambda ticket: PRIORITIES.index(ticket.priority), reverse=True)
        rows = [[t.ticket_id, t.subject, t.priority, t.assignee or ""] for t in tickets]
        if not rows:
            return {"success": True, "message": "The queue is empty.", "data": []}
        return {"success": True, "message": f"{len(rows)} open tickets.", "data": rows}
