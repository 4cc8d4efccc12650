"""Support desk queue.

Responses and rows are described with the functional ``TypedDict`` syntax, which keeps the
``"data"`` key's ``Any`` type next to the other two keys.

Example:
    >>> desk = SupportDesk()
    >>> desk.open_ticket("Printer jam")["message"]
    'Ticket #1 opened.'
    >>> desk.close_ticket(1)["message"]
    'Ticket #1 closed.'
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any, TypedDict

PRIORITIES = ("low", "normal", "high")
DEFAULT_PRIORITY = "normal"
MAX_SUBJECT_LENGTH = 80

Response = TypedDict("Response", {"success": bool, "message": str, "data": Any})
OpenedData = TypedDict("OpenedData", {"ticket_id": int, "subject": str, "priority": str})


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


def _fail(message: str) -> Response:
    """A failure response."""
    return Response(success=False, message=message, data=None)


class SupportDesk:
    """Ticket queue shared by all agents."""

    def __init__(self) -> None:
        """Start with no tickets."""
        self._lock = threading.Lock()
        self._tickets: dict[int, Ticket] = {}

    def _lookup(self, ticket_id: int) -> Ticket:
        """Return an open ticket (call with the lock held)."""
        if ticket_id not in self._tickets:
            raise TicketNotFoundError(f"Ticket #{ticket_id} not found.", "NOT_FOUND")
        ticket = self._tickets[ticket_id]
        if ticket.closed:
            raise TicketClosedError(f"Ticket #{ticket_id} is already closed.", "CLOSED")
        return ticket

    def open_ticket(self, subject: str, priority: str = DEFAULT_PRIORITY) -> Response:
        """Open a ticket.

        Args:
            subject: The customer's problem.
            priority: One of PRIORITIES.

        Returns:
            Response: Data ``{"ticket_id", "subject", "priority"}``.
        """
        subject = (subject or "").strip()
        if not subject:
            return _fail("A subject is required.")
        if priority not in PRIORITIES:
            return _fail("Priority must be one of: " + ", ".join(PRIORITIES) + ".")
        with self._lock:
            ticket_id = len(self._tickets) + 1
            self._tickets[ticket_id] = Ticket(ticket_id, subject[:MAX_SUBJECT_LENGTH], priority)
        data = OpenedData(
            ticket_id=ticket_id,
            subject=subject[:MAX_SUBJECT_LENGTH],
            priority=priority,
        )
        return Response(success=True, message=f"Ticket #{ticket_id} opened.", data=data)

    def assign_ticket(self, ticket_id: int, agent: str) -> Response:
        """Give an open ticket to an agent.

        Args:
            ticket_id: Number of the ticket.
            agent: The agent's name.

        Returns:
            Response: Data ``{"ticket_id", "assignee"}``.
        """
        with self._lock:
            try:
                self._lookup(ticket_id).assignee = agent
            except DeskError as error:
                return _fail(error.message)
        return Response(
            success=True,
            message=f"Ticket #{ticket_id} assigned to {agent}.",
            data={"ticket_id": ticket_id, "assignee": agent},
        )

    def close_ticket(self, ticket_id: int) -> Response:
        """Close a ticket.

        Args:
            ticket_id: Number of the ticket.

        Returns:
            Response: Data ``{"ticket_id"}``.
        """
        with self._lock:
            try:
                self._lookup(ticket_id).closed = True
            except DeskError as error:
                return _fail(error.message)
        return Response(
            success=True,
            message=f"Ticket #{ticket_id} closed.",
            data={"ticket_id": ticket_id},
        )

    def list_open(self) -> Response:
        """List open tickets, highest priority first.

        Returns:
            Response: Data rows ``[id, subject, priority, assignee]``.
        """
        with self._lock:
            tickets = [t for t in self._tickets.values() if not t.closed]
        tickets.sort(key=lambda t: (PRIORITIES.index(t.priority) * -1, t.ticket_id))
        rows = [[t.ticket_id, t.subject, t.priority, t.assignee] for t in tickets]
        message = f"{len(rows)} open tickets." if rows else "The queue is empty."
        return Response(success=True, message=message, data=rows)


if __name__ == "__main__":
    desk = SupportDesk()
    print(desk.open_ticket("Printer jam", "high"))
    print(desk.list_open())
