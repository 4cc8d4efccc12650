"""Support desk queue for a Gradio agent page.

This module implements the ticket queue described in the technical design.
Responses are shaped for Gradio components: ``list_open`` returns rows for a
``gr.Dataframe`` (a list of lists) and :data:`PRIORITY_CHOICES` holds the
``(label, value)`` pairs a ``gr.Dropdown`` takes.

Classes:
    SupportDesk: The thread-safe ticket queue.
    Ticket: One support ticket.
    DeskError: Base error of the desk.

Example:
    >>> desk = SupportDesk()
    >>> desk.open_ticket("Printer jam")["message"]
    'Ticket #1 opened.'
    >>> list(desk.list_open())
    [[1, 'Printer jam', 'normal', '']]
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

logger = logging.getLogger(__name__)

PRIORITIES = ("low", "normal", "high")
DEFAULT_PRIORITY = "normal"
MAX_SUBJECT_LENGTH = 80

#: ``(label, value)`` pairs for a ``gr.Dropdown`` of priorities.
PRIORITY_CHOICES: list[tuple[str, str]] = [(name.title(), name) for name in PRIORITIES]
#: Column headers for the ``gr.Dataframe`` that shows :meth:`SupportDesk.list_open`.
QUEUE_HEADERS: list[str] = ["ID", "Subject", "Priority", "Assignee"]


class DeskError(Exception):
    """Base error of the support desk.

    Attributes:
        message: Text shown to the agent.
        code: Machine-readable error code.
    """

    code: ClassVar[str] = "DESK_ERROR"

    def __init__(self, message: str, code: str = "DESK_ERROR") -> None:
        """Create the error.

        Args:
            message: Text shown to the agent.
            code: Machine-readable error code.
        """
        super().__init__(message)
        self.message = message
        self.code = code


class TicketNotFoundError(DeskError):
    """Raised when no ticket has the given id."""

    def __init__(self, ticket_id: int) -> None:
        """Build the message from the ticket id.

        Args:
            ticket_id: The id that was not found.
        """
        super().__init__(f"Ticket #{ticket_id} not found.", "TICKET_NOT_FOUND")
        self.ticket_id = ticket_id


class TicketClosedError(DeskError):
    """Raised when a closed ticket is changed."""

    def __init__(self, ticket_id: int) -> None:
        """Build the message from the ticket id.

        Args:
            ticket_id: The closed ticket.
        """
        super().__init__(f"Ticket #{ticket_id} is already closed.", "TICKET_CLOSED")
        self.ticket_id = ticket_id


@dataclass
class Ticket:
    """One support ticket."""

    ticket_id: int
    subject: str
    priority: str
    assignee: str | None = None
    closed: bool = False

    def as_row(self) -> list[Any]:
        """Return the ticket as one Dataframe row.

        Returns:
            list[Any]: ``[id, subject, priority, assignee]``.
        """
        return [self.ticket_id, self.subject, self.priority, self.assignee or ""]


def _response(success: bool, message: str, data: Any = None) -> dict[str, Any]:
    """Build the response dictionary the UI expects."""
    return {"success": success, "message": message, "data": data}


class SupportDesk:
    """Shared ticket queue; every public method is safe to call from many threads."""

    _PRIORITY_ORDER: ClassVar[dict[str, int]] = {"high": 0, "normal": 1, "low": 2}

    def __init__(self) -> None:
        """Create an empty queue."""
        self._tickets: dict[int, Ticket] = {}
        self._next_id = 1
        self._lock = threading.Lock()

    def _get_open(self, ticket_id: int) -> Ticket:
        """Return an open ticket; call with the lock held."""
        ticket = self._tickets.get(ticket_id)
        if ticket is None:
            raise TicketNotFoundError(ticket_id)
        if ticket.closed:
            raise TicketClosedError(ticket_id)
        return ticket

    def open_ticket(self, subject: str, priority: str = DEFAULT_PRIORITY) -> dict[str, Any]:
        """Open a ticket.

        Args:
            subject: What the customer needs.
            priority: One of the values of :data:`PRIORITY_CHOICES`.

        Returns:
            dict[str, Any]: Response with data ``{"ticket_id", "subject", "priority"}``.
        """
        subject = (subject or "").strip()
        if not subject:
            return _response(False, "A subject is required.")
        if priority not in PRIORITIES:
            return _response(False, "Priority must be one of: " + ", ".join(PRIORITIES) + ".")
        with self._lock:
            ticket = Ticket(self._next_id, subject[:MAX_SUBJECT_LENGTH], priority)
            self._tickets[ticket.ticket_id] = ticket
            self._next_id += 1
        logger.info("opened ticket %d", ticket.ticket_id)
        data = {
            "ticket_id": ticket.ticket_id,
            "subject": ticket.subject,
            "priority": ticket.priority,
        }
        return _response(True, f"Ticket #{ticket.ticket_id} opened.", data)

    def assign_ticket(self, ticket_id: int, agent: str) -> dict[str, Any]:
        """Assign an open ticket to an agent.

        Args:
            ticket_id: The ticket.
            agent: The agent's name.

        Returns:
            dict[str, Any]: Response with data ``{"ticket_id", "assignee"}``.
        """
        try:
            with self._lock:
                ticket = self._get_open(ticket_id)
                ticket.assignee = agent
        except DeskError as error:
            return _response(False, error.message)
        return _response(
            True,
            f"Ticket #{ticket_id} assigned to {agent}.",
            {"ticket_id": ticket_id, "assignee": agent},
        )

    def close_ticket(self, ticket_id: int) -> dict[str, Any]:
        """Close a ticket.

        Args:
            ticket_id: The ticket.

        Returns:
            dict[str, Any]: Response with data ``{"ticket_id"}``.
        """
        try:
            with self._lock:
                self._get_open(ticket_id).closed = True
        except DeskError as error:
            return _response(False, error.message)
        return _response(True, f"Ticket #{ticket_id} closed.", {"ticket_id": ticket_id})

    def list_open(self) -> Iterator[list[Any]]:
        """Stream open tickets, highest priority first, as Dataframe rows.

        Yields:
            list[Any]: One ``[id, subject, priority, assignee]`` row at a time.
        """
        with self._lock:
            tickets = [ticket for ticket in self._tickets.values() if not ticket.closed]
        tickets.sort(key=lambda ticket: (self._PRIORITY_ORDER[ticket.priority], ticket.ticket_id))
        for ticket in tickets:
            yield ticket.as_row()
