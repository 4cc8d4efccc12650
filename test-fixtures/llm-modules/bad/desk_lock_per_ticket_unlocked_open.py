"""Support desk queue with one lock per ticket.

Agents work different tickets at the same time, so each ticket has its own
lock; a re-entrant registry lock guards the ticket table and the table of
locks. Public methods return ``{"success", "message", "data"}`` dictionaries
for the Gradio page and never raise.

Example:
    >>> desk = SupportDesk()
    >>> desk.open_ticket("VPN down", "high")["message"]
    'Ticket #1 opened.'
    >>> desk.assign_ticket(1, "Ana")["message"]
    'Ticket #1 assigned to Ana.'
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

PRIORITIES = ("low", "normal", "high")
DEFAULT_PRIORITY = "normal"
MAX_SUBJECT_LENGTH = 80


class DeskError(Exception):
    """Base desk error with a user message and an error code."""

    def __init__(self, message: str, code: str = "DESK_ERROR") -> None:
        """Store the message and the code.

        Args:
            message: Text for the agent.
            code: Error code.
        """
        super().__init__(message)
        self.message = message
        self.code = code


class TicketNotFoundError(DeskError):
    """No ticket has the id."""


class TicketClosedError(DeskError):
    """The ticket is closed."""


@dataclass
class Ticket:
    """One support ticket."""

    ticket_id: int
    subject: str
    priority: str
    assignee: str | None = None
    closed: bool = False


class SupportDesk:
    """Ticket queue shared by many agents."""

    def __init__(self) -> None:
        """Create an empty desk."""
        self._registry = threading.RLock()
        self._tickets: dict[int, Ticket] = {}
        self._ticket_locks: dict[int, threading.Lock] = {}

    def _lookup(self, ticket_id: int) -> tuple[Ticket, threading.Lock]:
        """Return a ticket and its lock; raises TicketNotFoundError."""
        with self._registry:
            ticket = self._tickets.get(ticket_id)
            if ticket is None:
                raise TicketNotFoundError(f"Ticket #{ticket_id} not found.", "NOT_FOUND")
            return ticket, self._ticket_locks[ticket_id]

    def _next_id(self) -> int:
        """The id the next ticket gets."""
        with self._registry:
            return len(self._tickets) + 1

    @contextmanager
    def _working_on(self, ticket_id: int) -> Iterator[Ticket]:
        """Hold the ticket's own lock while an open ticket is changed."""
        ticket, lock = self._lookup(ticket_id)
        with lock:
            if ticket.closed:
                raise TicketClosedError(f"Ticket #{ticket_id} is already closed.", "CLOSED")
            yield ticket

    def open_ticket(self, subject: str, priority: str = DEFAULT_PRIORITY) -> dict[str, Any]:
        """Open a ticket.

        Args:
            subject: The customer's problem.
            priority: low, normal or high.

        Returns:
            dict[str, Any]: Response with data ``{"ticket_id", "subject", "priority"}``.
        """
        if not (subject := (subject or "").strip()):
            return {"success": False, "message": "A subject is required.", "data": None}
        if priority not in PRIORITIES:
            return {
                "success": False,
                "message": f"Priority must be one of: {', '.join(PRIORITIES)}.",
                "data": None,
            }
        ticket_id = self._next_id()
        ticket = Ticket(ticket_id, subject[:MAX_SUBJECT_LENGTH], priority)
        self._tickets[ticket_id] = ticket
        self._ticket_locks[ticket_id] = threading.Lock()
        data = {"ticket_id": ticket_id, "subject": ticket.subject, "priority": priority}
        return {"success": True, "message": f"Ticket #{ticket_id} opened.", "data": data}

    def assign_ticket(self, ticket_id: int, agent: str) -> dict[str, Any]:
        """Give an open ticket to an agent.

        Args:
            ticket_id: The ticket.
            agent: The agent.

        Returns:
            dict[str, Any]: Response with data ``{"ticket_id", "assignee"}``.
        """
        try:
            with self._working_on(ticket_id) as ticket:
                ticket.assignee = agent
        except DeskError as error:
            return {"success": False, "message": error.message, "data": None}
        return {
            "success": True,
            "message": f"Ticket #{ticket_id} assigned to {agent}.",
            "data": {"ticket_id": ticket_id, "assignee": agent},
        }

    def close_ticket(self, ticket_id: int) -> dict[str, Any]:
        """Close a ticket.

        Args:
            ticket_id: The ticket.

        Returns:
            dict[str, Any]: Response with data ``{"ticket_id"}``.
        """
        try:
            with self._working_on(ticket_id) as ticket:
                ticket.closed = True
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
        rank = {name: index for index, name in enumerate(reversed(PRIORITIES))}
        with self._registry:
            tickets = sorted(
                (t for t in self._tickets.values() if not t.closed),
                key=lambda t: (rank[t.priority], t.ticket_id),
            )
        rows = [[t.ticket_id, t.subject, t.priority, t.assignee or ""] for t in tickets]
        if not rows:
            return {"success": True, "message": "The queue is empty.", "data": rows}
        return {"success": True, "message": f"{len(rows)} open tickets.", "data": rows}
