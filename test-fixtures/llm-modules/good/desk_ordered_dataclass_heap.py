"""Support desk queue.

Open tickets wait in a heap of ``@dataclass(order=True)`` entries, so the
highest priority and oldest ticket comes first; closed tickets are skipped
lazily. Every public method returns the response dictionary.

Example:
    >>> desk = SupportDesk()
    >>> _ = desk.open_ticket("Low toner", "low")
    >>> _ = desk.open_ticket("Server down", "high")
    >>> [row[1] for row in desk.list_open()["data"]]
    ['Server down', 'Low toner']
"""

from __future__ import annotations

import heapq
import threading
from dataclasses import dataclass, field
from typing import Any

PRIORITIES = ("low", "normal", "high")
DEFAULT_PRIORITY = "normal"
MAX_SUBJECT_LENGTH = 80


class DeskError(Exception):
    """Base error of the desk.

    Attributes:
        message: Text for the agent.
        code: Error code.
    """

    def __init__(self, message: str, code: str = "DESK_ERROR") -> None:
        """Create the error.

        Args:
            message: Text for the agent.
            code: Error code.
        """
        super().__init__(message)
        self.message = message
        self.code = code


class TicketNotFoundError(DeskError):
    """No such ticket."""


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


@dataclass(order=True)
class _QueueEntry:
    """Heap entry: lower sorts first."""

    rank: int
    ticket_id: int
    ticket: Ticket = field(compare=False)


class SupportDesk:
    """The shared ticket queue."""

    def __init__(self) -> None:
        """Create an empty desk."""
        self._lock = threading.Lock()
        self._tickets: dict[int, Ticket] = {}
        self._heap: list[_QueueEntry] = []

    def _get_open(self, ticket_id: int) -> Ticket:
        """The open ticket with that id (lock held by the caller)."""
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
            dict[str, Any]: Response with data ``{"ticket_id", "subject", "priority"}``.
        """
        subject = " ".join((subject or "").split())[:MAX_SUBJECT_LENGTH]
        if not subject:
            return {"success": False, "message": "A subject is required.", "data": None}
        if priority not in PRIORITIES:
            return {
                "success": False,
                "message": f"Priority must be one of: {', '.join(PRIORITIES)}.",
                "data": None,
            }
        with self._lock:
            ticket = Ticket(len(self._tickets) + 1, subject, priority)
            self._tickets[ticket.ticket_id] = ticket
            rank = len(PRIORITIES) - PRIORITIES.index(priority)
            heapq.heappush(self._heap, _QueueEntry(rank, ticket.ticket_id, ticket))
        data = {"ticket_id": ticket.ticket_id, "subject": subject, "priority": priority}
        return {"success": True, "message": f"Ticket #{ticket.ticket_id} opened.", "data": data}

    def assign_ticket(self, ticket_id: int, agent: str) -> dict[str, Any]:
        """Assign an open ticket.

        Args:
            ticket_id: The ticket.
            agent: The agent.

        Returns:
            dict[str, Any]: Response with data ``{"ticket_id", "assignee"}``.
        """
        try:
            with self._lock:
                self._get_open(ticket_id).assignee = agent
        except DeskError as error:
            return {"success": False, "message": error.message, "data": None}
        data = {"ticket_id": ticket_id, "assignee": agent}
        return {
            "success": True,
            "message": f"Ticket #{ticket_id} assigned to {agent}.",
            "data": data,
        }

    def close_ticket(self, ticket_id: int) -> dict[str, Any]:
        """Close an open ticket.

        Args:
            ticket_id: The ticket.

        Returns:
            dict[str, Any]: Response with data ``{"ticket_id"}``.
        """
        try:
            with self._lock:
                self._get_open(ticket_id).closed = True
                self._heap = [entry for entry in self._heap if entry.ticket_id != ticket_id]
                heapq.heapify(self._heap)
        except DeskError as error:
            return {"success": False, "message": error.message, "data": None}
        return {
            "success": True,
            "message": f"Ticket #{ticket_id} closed.",
            "data": {"ticket_id": ticket_id},
        }

    def list_open(self) -> dict[str, Any]:
        """Open tickets, highest priority first.

        Returns:
            dict[str, Any]: Response with rows ``[id, subject, priority, assignee]``.
        """
        with self._lock:
            entries = sorted(self._heap)
        rows = [
            [e.ticket.ticket_id, e.ticket.subject, e.ticket.priority, e.ticket.assignee or ""]
            for e in entries
        ]
        if not rows:
            return {"success": True, "message": "The queue is empty.", "data": []}
        return {"success": True, "message": f"{len(rows)} open tickets.", "data": rows}
