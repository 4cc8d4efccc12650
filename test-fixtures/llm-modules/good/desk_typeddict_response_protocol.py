"""Support desk ticket queue.

Responses are typed with :class:`Response` (a ``TypedDict``) and built by
calling it; ids come from any :class:`IdSource` (a ``typing.Protocol``).

Example:
    >>> desk = SupportDesk()
    >>> desk.open_ticket("Printer jam")["message"]
    'Ticket #1 opened.'
"""

from __future__ import annotations

import itertools
import threading
from dataclasses import dataclass
from typing import Any, Protocol, TypedDict

PRIORITIES = ("low", "normal", "high")
DEFAULT_PRIORITY = "normal"
MAX_SUBJECT_LENGTH = 80


class Response(TypedDict):
    """What every public method returns."""

    success: bool
    message: str
    data: Any


class TicketRow(TypedDict):
    """One ticket as the UI shows it."""

    ticket_id: int
    subject: str
    priority: str
    assignee: str


class IdSource(Protocol):
    """Anything that hands out ticket ids."""

    def __next__(self) -> int:
        """Return the next id."""
        ...


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


def _failure(message: str) -> Response:
    """Build a failure response.

    Args:
        message: Text for the agent.

    Returns:
        Response: ``success`` False, no data.
    """
    return Response(success=False, message=message, data=None)


class SupportDesk:
    """The shared queue."""

    def __init__(self) -> None:
        """Create an empty queue; ids count from 1."""
        self._ids: IdSource = itertools.count(1)
        self._tickets: dict[int, Ticket] = {}
        self._lock = threading.Lock()

    def _open(self, ticket_id: int) -> Ticket:
        """Return an open ticket; the lock is held by the caller.

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
            raise TicketNotFoundError(f"Ticket #{ticket_id} not found.")
        if ticket.closed:
            raise TicketClosedError(f"Ticket #{ticket_id} is already closed.")
        return ticket

    def open_ticket(self, subject: str, priority: str = DEFAULT_PRIORITY) -> Response:
        """Open a ticket.

        Args:
            subject: The problem.
            priority: low, normal or high.

        Returns:
            Response: Data ``{"ticket_id", "subject", "priority"}``.
        """
        if not subject or not subject.strip():
            return _failure("A subject is required.")
        if priority not in PRIORITIES:
            return _failure(f"Priority must be one of: {', '.join(PRIORITIES)}.")
        with self._lock:
            ticket = Ticket(next(self._ids), subject.strip()[:MAX_SUBJECT_LENGTH], priority)
            self._tickets[ticket.ticket_id] = ticket
        data = {"ticket_id": ticket.ticket_id, "subject": ticket.subject, "priority": priority}
        return Response(success=True, message=f"Ticket #{ticket.ticket_id} opened.", data=data)

    def assign_ticket(self, ticket_id: int, agent: str) -> Response:
        """Assign a ticket.

        Args:
            ticket_id: The ticket.
            agent: The agent.

        Returns:
            Response: Data ``{"ticket_id", "assignee"}``.
        """
        try:
            with self._lock:
                self._open(ticket_id).assignee = agent
        except DeskError as error:
            return _failure(error.message)
        data = {"ticket_id": ticket_id, "assignee": agent}
        message = f"Ticket #{ticket_id} assigned to {agent}."
        return Response(success=True, message=message, data=data)

    def close_ticket(self, ticket_id: int) -> Response:
        """Close a ticket.

        Args:
            ticket_id: The ticket.

        Returns:
            Response: Data ``{"ticket_id"}``.
        """
        try:
            with self._lock:
                self._open(ticket_id).closed = True
        except DeskError as error:
            return _failure(error.message)
        message = f"Ticket #{ticket_id} closed."
        return Response(success=True, message=message, data={"ticket_id": ticket_id})

    def list_open(self) -> Response:
        """Open tickets, highest priority first.

        Returns:
            Response: Rows ``[id, subject, priority, assignee]``.
        """
        with self._lock:
            rows: list[TicketRow] = [
                TicketRow(
                    ticket_id=t.ticket_id,
                    subject=t.subject,
                    priority=t.priority,
                    assignee=t.assignee or "",
                )
                for t in self._tickets.values()
                if not t.closed
            ]
        rows.sort(key=lambda row: PRIORITIES.index(row["priority"]), reverse=True)
        if not rows:
            return Response(success=True, message="The queue is empty.", data=[])
        table = [
            [row["ticket_id"], row["subject"], row["priority"], row["assignee"]] for row in rows
        ]
        return Response(success=True, message=f"{len(table)} open tickets.", data=table)
