"""Support desk queue.

The open queue goes to a Gradio ``Dataframe``: :func:`paginate` cuts the rows into pages
of ``PAGE_SIZE`` and the response carries the first page with the headers and page count.

Example:
    >>> desk = SupportDesk()
    >>> desk.open_ticket("Printer jam")["message"]
    'Ticket #1 opened.'
    >>> desk.list_open()["data"]["rows"]
    [[1, 'Printer jam', 'normal', '']]
"""

from __future__ import annotations

import math
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Any, TypeVar

PRIORITIES = ("low", "normal", "high")
DEFAULT_PRIORITY = "normal"
MAX_SUBJECT_LENGTH = 80
PAGE_SIZE = 25
HEADERS = ["ID", "Subject", "Priority", "Assignee"]

Row = TypeVar("Row")


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

    def as_row(self) -> list[Any]:
        """Return the ticket as a Dataframe row.

        Returns:
            list[Any]: ``[id, subject, priority, assignee]`` with an empty assignee as "".
        """
        return [self.ticket_id, self.subject, self.priority, self.assignee or ""]


def paginate(
    rows: Sequence[Row], page: int = 1, page_size: int = PAGE_SIZE
) -> tuple[list[Row], int]:
    """Return one page of rows and the number of pages.

    Args:
        rows: Every row.
        page: The page wanted, from 1; out-of-range pages are clamped.
        page_size: Rows per page.

    Returns:
        tuple[list[Row], int]: The page's rows and the page count (at least 1).
    """
    pages = max(1, math.ceil(len(rows) / page_size))
    page = min(max(page, 1), pages)
    start = (page - 1) * page_size
    return list(islice(rows, start, start + page_size)), pages


class SupportDesk:
    """Ticket queue shared by all agents."""

    def __init__(self) -> None:
        """Start with no tickets."""
        self._lock = threading.Lock()
        self._tickets: dict[int, Ticket] = {}
        self._count = 0

    def _find_open(self, ticket_id: int) -> Ticket:
        """Return an open ticket (the lock is held by the caller)."""
        try:
            ticket = self._tickets[ticket_id]
        except KeyError:
            raise TicketNotFoundError(f"Ticket #{ticket_id} not found.", "NOT_FOUND") from None
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
        cleaned = (subject or "").strip()[:MAX_SUBJECT_LENGTH]
        if not cleaned:
            return {"success": False, "message": "A subject is required.", "data": None}
        if priority not in PRIORITIES:
            message = "Priority must be one of: %s." % ", ".join(PRIORITIES)
            return {"success": False, "message": message, "data": None}
        with self._lock:
            self._count += 1
            ticket = Ticket(self._count, cleaned, priority)
            self._tickets[ticket.ticket_id] = ticket
        data = {"ticket_id": ticket.ticket_id, "subject": cleaned, "priority": priority}
        return {"success": True, "message": f"Ticket #{ticket.ticket_id} opened.", "data": data}

    def assign_ticket(self, ticket_id: int, agent: str) -> dict[str, Any]:
        """Give an open ticket to an agent.

        Args:
            ticket_id: Number of the ticket.
            agent: The agent's name.

        Returns:
            dict[str, Any]: Data ``{"ticket_id", "assignee"}``.
        """
        try:
            with self._lock:
                self._find_open(ticket_id).assignee = agent
        except DeskError as error:
            return {"success": False, "message": error.message, "data": None}
        message = f"Ticket #{ticket_id} assigned to {agent}."
        return {
            "success": True,
            "message": message,
            "data": {"ticket_id": ticket_id, "assignee": agent},
        }

    def close_ticket(self, ticket_id: int) -> dict[str, Any]:
        """Close a ticket.

        Args:
            ticket_id: Number of the ticket.

        Returns:
            dict[str, Any]: Data ``{"ticket_id"}``.
        """
        try:
            with self._lock:
                self._find_open(ticket_id).closed = True
        except DeskError as error:
            return {"success": False, "message": error.message, "data": None}
        return {
            "success": True,
            "message": f"Ticket #{ticket_id} closed.",
            "data": {"ticket_id": ticket_id},
        }

    def list_open(self) -> dict[str, Any]:
        """List open tickets, highest priority first, as the first Dataframe page.

        Returns:
            dict[str, Any]: Data ``{"headers", "rows", "page", "pages", "total"}``.
        """
        with self._lock:
            tickets = sorted(
                (t for t in self._tickets.values() if not t.closed),
                key=lambda t: (-PRIORITIES.index(t.priority), t.ticket_id),
            )
        rows, pages = paginate([t.as_row() for t in tickets])
        data = {"headers": HEADERS, "rows": rows, "page": 1, "pages": pages, "total": len(tickets)}
        message = f"{len(tickets)} open tickets." if tickets else "The queue is empty."
        return {"success": True, "message": message, "data": data}


if __name__ == "__main__":
    desk = SupportDesk()
    for number in range(3):
        desk.open_ticket(f"Problem {number}")
    print(desk.list_open())
