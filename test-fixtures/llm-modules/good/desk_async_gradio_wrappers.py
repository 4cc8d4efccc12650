"""Support desk queue with asynchronous handlers.

Gradio runs ``async def`` event handlers on its event loop, so the desk's methods are
coroutines guarded by an :class:`asyncio.Lock`. :func:`blocking` wraps a coroutine method
for callers that are not asynchronous (scripts, tests).

Example:
    >>> desk = SupportDesk()
    >>> open_now = blocking(desk.open_ticket)
    >>> open_now("Printer jam")["message"]
    'Ticket #1 opened.'
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, ParamSpec

PRIORITIES = ("low", "normal", "high")
DEFAULT_PRIORITY = "normal"
MAX_SUBJECT_LENGTH = 80

P = ParamSpec("P")


class DeskError(Exception):
    """Base error of the desk."""

    def __init__(self, message: str, code: str = "DESK_ERROR") -> None:
        """Store the message and the code.

        Args:
            message: Text shown to the agent.
            code: Machine-readable error code.
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


def blocking(method: Callable[P, Awaitable[dict[str, Any]]]) -> Callable[P, dict[str, Any]]:
    """Turn a coroutine method into a plain function that runs it to completion.

    Args:
        method: A coroutine function of the desk.

    Returns:
        Callable[P, dict[str, Any]]: A function returning the method's response.
    """

    @functools.wraps(method)
    def run(*args: P.args, **kwargs: P.kwargs) -> dict[str, Any]:
        return asyncio.run(method(*args, **kwargs))

    return run


def _response(success: bool, message: str, data: Any = None) -> dict[str, Any]:
    """Build the response the UI expects."""
    return {"success": success, "message": message, "data": data}


class SupportDesk:
    """Ticket queue shared by every agent's browser tab."""

    def __init__(self) -> None:
        """Start with an empty queue."""
        self._lock = asyncio.Lock()
        self._tickets: dict[int, Ticket] = {}
        self._next_id = 1

    def _open(self, ticket_id: int) -> Ticket:
        """Return an open ticket, or raise why there is none."""
        ticket = self._tickets.get(ticket_id)
        if ticket is None:
            raise TicketNotFoundError(f"Ticket #{ticket_id} not found.", "NOT_FOUND")
        if ticket.closed:
            raise TicketClosedError(f"Ticket #{ticket_id} is already closed.", "CLOSED")
        return ticket

    async def open_ticket(self, subject: str, priority: str = DEFAULT_PRIORITY) -> dict[str, Any]:
        """Open a ticket.

        Args:
            subject: What the customer needs.
            priority: One of ``PRIORITIES``.

        Returns:
            dict[str, Any]: Response with ``{"ticket_id", "subject", "priority"}``.
        """
        subject = (subject or "").strip()
        if not subject:
            return _response(False, "A subject is required.")
        if priority not in PRIORITIES:
            return _response(False, f"Priority must be one of: {', '.join(PRIORITIES)}.")
        async with self._lock:
            ticket = Ticket(self._next_id, subject[:MAX_SUBJECT_LENGTH], priority)
            self._tickets[ticket.ticket_id] = ticket
            self._next_id += 1
        data = {"ticket_id": ticket.ticket_id, "subject": ticket.subject, "priority": priority}
        return _response(True, f"Ticket #{ticket.ticket_id} opened.", data)

    async def assign_ticket(self, ticket_id: int, agent: str) -> dict[str, Any]:
        """Assign an open ticket to an agent.

        Args:
            ticket_id: Number of the ticket.
            agent: Name of the agent.

        Returns:
            dict[str, Any]: Response with ``{"ticket_id", "assignee"}``.
        """
        async with self._lock:
            try:
                ticket = self._open(ticket_id)
            except DeskError as error:
                return _response(False, error.message)
            ticket.assignee = agent
        data = {"ticket_id": ticket_id, "assignee": agent}
        return _response(True, f"Ticket #{ticket_id} assigned to {agent}.", data)

    async def close_ticket(self, ticket_id: int) -> dict[str, Any]:
        """Close a ticket.

        Args:
            ticket_id: Number of the ticket.

        Returns:
            dict[str, Any]: Response with ``{"ticket_id"}``.
        """
        async with self._lock:
            try:
                ticket = self._open(ticket_id)
            except DeskError as error:
                return _response(False, error.message)
            ticket.closed = True
        return _response(True, f"Ticket #{ticket_id} closed.", {"ticket_id": ticket_id})

    async def list_open(self) -> dict[str, Any]:
        """List open tickets, highest priority first.

        Returns:
            dict[str, Any]: Response whose data are rows ``[id, subject, priority, assignee]``.
        """
        async with self._lock:
            rows = [
                [t.ticket_id, t.subject, t.priority, t.assignee or ""]
                for t in sorted(
                    (t for t in self._tickets.values() if not t.closed),
                    key=lambda t: (-PRIORITIES.index(t.priority), t.ticket_id),
                )
            ]
        if not rows:
            return _response(True, "The queue is empty.", [])
        return _response(True, f"{len(rows)} open tickets.", rows)


if __name__ == "__main__":
    desk = SupportDesk()
    print(blocking(desk.open_ticket)("Printer jam", "high"))
    print(blocking(desk.list_open)())
