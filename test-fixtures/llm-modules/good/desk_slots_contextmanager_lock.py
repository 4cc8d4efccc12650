"""Support desk ticket queue.

A thread-safe, in-memory queue of support tickets for a Gradio page. State
changes happen inside :meth:`SupportDesk._locked`, a context manager over one
``threading.RLock``.

Examples:
    >>> desk = SupportDesk()
    >>> desk.open_ticket("Printer jam")["message"]
    'Ticket #1 opened.'
    >>> desk.close_ticket(1)["message"]
    'Ticket #1 closed.'
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, ClassVar

logger = logging.getLogger(__name__)

PRIORITIES = ("low", "normal", "high")
DEFAULT_PRIORITY = "normal"
MAX_SUBJECT_LENGTH = 80


class Messages:
    """User-facing message templates, kept in one place."""

    OPENED: ClassVar[str] = "Ticket #{ticket_id} opened."
    SUBJECT_REQUIRED: ClassVar[str] = "A subject is required."
    BAD_PRIORITY: ClassVar[str] = "Priority must be one of: {choices}."
    NOT_FOUND: ClassVar[str] = "Ticket #{ticket_id} not found."
    ASSIGNED: ClassVar[str] = "Ticket #{ticket_id} assigned to {agent}."
    ALREADY_CLOSED: ClassVar[str] = "Ticket #{ticket_id} is already closed."
    CLOSED: ClassVar[str] = "Ticket #{ticket_id} closed."
    EMPTY: ClassVar[str] = "The queue is empty."
    COUNT: ClassVar[str] = "{count} open tickets."


class DeskError(Exception):
    """Base class of every desk error.

    Args:
        message: Text shown to the agent.
        code: Machine-readable error code.
    """

    def __init__(self, message: str, code: str = "DESK_ERROR") -> None:
        super().__init__(message)
        self.message = message
        self.code = code


class TicketNotFoundError(DeskError):
    """No ticket has the given id."""


class TicketClosedError(DeskError):
    """The ticket is closed already."""


@dataclass(slots=True)
class Ticket:
    """One support ticket."""

    ticket_id: int
    subject: str
    priority: str
    assignee: str | None = None
    closed: bool = False

    def row(self) -> list[Any]:
        """Return the ticket as a table row.

        Returns:
            list[Any]: ``[id, subject, priority, assignee]``.
        """
        return [self.ticket_id, self.subject, self.priority, self.assignee or ""]


class SupportDesk:
    """The shared ticket queue."""

    def __init__(self) -> None:
        """Create an empty queue."""
        self._tickets: dict[int, Ticket] = {}
        self._next_id = 1
        self._lock = threading.RLock()

    @contextmanager
    def _locked(self) -> Iterator[None]:
        """Hold the queue's lock for the duration of the block.

        Yields:
            None: Nothing; the lock is held while the block runs.
        """
        with self._lock:
            yield

    @staticmethod
    def _response(success: bool, message: str, data: Any = None) -> dict[str, Any]:
        """Build the response dictionary every public method returns."""
        return {"success": success, "message": message, "data": data}

    def _open_ticket_or_raise(self, ticket_id: int) -> Ticket:
        """Return an open ticket; call with the lock held.

        Args:
            ticket_id: The ticket's id.

        Returns:
            Ticket: The open ticket.

        Raises:
            TicketNotFoundError: No such ticket.
            TicketClosedError: The ticket is closed.
        """
        ticket = self._tickets.get(ticket_id)
        if ticket is None:
            raise TicketNotFoundError(Messages.NOT_FOUND.format(ticket_id=ticket_id), "NOT_FOUND")
        if ticket.closed:
            raise TicketClosedError(Messages.ALREADY_CLOSED.format(ticket_id=ticket_id), "CLOSED")
        return ticket

    def open_ticket(self, subject: str, priority: str = DEFAULT_PRIORITY) -> dict[str, Any]:
        """Open a ticket.

        Args:
            subject: What the problem is.
            priority: One of PRIORITIES.

        Returns:
            dict[str, Any]: Response with ``{"ticket_id", "subject", "priority"}``.
        """
        if not isinstance(subject, str) or not subject.strip():
            return self._response(False, Messages.SUBJECT_REQUIRED)
        if priority not in PRIORITIES:
            choices = ", ".join(PRIORITIES)
            return self._response(False, Messages.BAD_PRIORITY.format(choices=choices))
        with self._locked():
            ticket = Ticket(self._next_id, subject.strip()[:MAX_SUBJECT_LENGTH], priority)
            self._tickets[ticket.ticket_id] = ticket
            self._next_id += 1
        logger.info("opened ticket %d", ticket.ticket_id)
        data = {
            "ticket_id": ticket.ticket_id,
            "subject": ticket.subject,
            "priority": ticket.priority,
        }
        return self._response(True, Messages.OPENED.format(ticket_id=ticket.ticket_id), data)

    def assign_ticket(self, ticket_id: int, agent: str) -> dict[str, Any]:
        """Assign an open ticket to an agent.

        Args:
            ticket_id: The ticket's id.
            agent: The agent's name.

        Returns:
            dict[str, Any]: Response with ``{"ticket_id", "assignee"}``.
        """
        try:
            with self._locked():
                ticket = self._open_ticket_or_raise(ticket_id)
                ticket.assignee = agent
        except DeskError as error:
            logger.warning("assign failed: %s", error.code)
            return self._response(False, error.message)
        message = Messages.ASSIGNED.format(ticket_id=ticket_id, agent=agent)
        return self._response(True, message, {"ticket_id": ticket_id, "assignee": agent})

    def close_ticket(self, ticket_id: int) -> dict[str, Any]:
        """Close an open ticket.

        Args:
            ticket_id: The ticket's id.

        Returns:
            dict[str, Any]: Response with ``{"ticket_id"}``.
        """
        try:
            with self._locked():
                self._open_ticket_or_raise(ticket_id).closed = True
        except DeskError as error:
            return self._response(False, error.message)
        message = Messages.CLOSED.format(ticket_id=ticket_id)
        return self._response(True, message, {"ticket_id": ticket_id})

    def list_open(self) -> dict[str, Any]:
        """List open tickets, highest priority first.

        Returns:
            dict[str, Any]: Response with rows ``[id, subject, priority, assignee]``.
        """
        with self._locked():
            tickets = [ticket for ticket in self._tickets.values() if not ticket.closed]
        tickets.sort(key=lambda ticket: PRIORITIES.index(ticket.priority), reverse=True)
        if not tickets:
            return self._response(True, Messages.EMPTY, [])
        rows = [ticket.row() for ticket in tickets]
        return self._response(True, Messages.COUNT.format(count=len(rows)), rows)


__all__ = [
    name
    for name in dir()
    if not name.startswith("_") and name not in {"annotations", "logging", "threading"}
]
