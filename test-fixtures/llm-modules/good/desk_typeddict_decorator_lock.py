"""Support desk queue.

Agents open, assign and close tickets from a shared page; handlers run on several
threads, so every state change happens under one lock.

Example:
    >>> desk = SupportDesk()
    >>> desk.open_ticket("Printer jam")["message"]
    'Ticket #1 opened.'
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import Any, NotRequired, TypedDict, TypeVar

PRIORITIES = ("low", "normal", "high")
DEFAULT_PRIORITY = "normal"
MAX_SUBJECT_LENGTH = 80

_PRIORITY_RANK = {name: rank for rank, name in enumerate(reversed(PRIORITIES))}

Method = TypeVar("Method", bound=Callable[..., dict[str, Any]])


class DeskError(Exception):
    """Base error of the desk.

    Attributes:
        message: Text for the agent.
        code: Error code.
    """

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
    """No ticket has the id."""


class TicketClosedError(DeskError):
    """The ticket is already closed."""


class Ticket(TypedDict):
    """A support ticket as the desk stores it."""

    ticket_id: int
    subject: str
    priority: str
    assignee: NotRequired[str | None]
    closed: NotRequired[bool]


def synchronized(method: Method) -> Method:
    """Run a method while holding the instance's lock.

    Args:
        method: The method to wrap.

    Returns:
        Method: The wrapped method.
    """

    @functools.wraps(method)
    def wrapper(self: SupportDesk, *args: Any, **kwargs: Any) -> dict[str, Any]:
        with self._lock:
            return method(self, *args, **kwargs)

    return wrapper  # type: ignore[return-value]


class SupportDesk:
    """Ticket queue shared by all agents."""

    def __init__(self) -> None:
        """Start with an empty queue."""
        self._lock = threading.RLock()
        self._tickets: dict[int, Ticket] = {}
        self._last_id = 0

    def _find(self, ticket_id: int) -> Ticket:
        """Return an open ticket or raise.

        Args:
            ticket_id: The ticket's number.

        Returns:
            Ticket: The ticket.

        Raises:
            TicketNotFoundError: When there is no such ticket.
            TicketClosedError: When the ticket is closed.
        """
        ticket = self._tickets.get(ticket_id)
        if ticket is None:
            raise TicketNotFoundError(f"Ticket #{ticket_id} not found.", "NOT_FOUND")
        if ticket.get("closed"):
            raise TicketClosedError(f"Ticket #{ticket_id} is already closed.", "CLOSED")
        return ticket

    @synchronized
    def open_ticket(self, subject: str, priority: str = DEFAULT_PRIORITY) -> dict[str, Any]:
        """Open a ticket.

        Args:
            subject: Short description of the problem.
            priority: One of PRIORITIES.

        Returns:
            dict[str, Any]: Response with {"ticket_id", "subject", "priority"}.
        """
        subject = (subject or "").strip()
        if not subject:
            return {"success": False, "message": "A subject is required.", "data": None}
        if priority not in PRIORITIES:
            message = "Priority must be one of: " + ", ".join(PRIORITIES) + "."
            return {"success": False, "message": message, "data": None}
        self._last_id += 1
        ticket: Ticket = {
            "ticket_id": self._last_id,
            "subject": subject[:MAX_SUBJECT_LENGTH],
            "priority": priority,
            "assignee": None,
            "closed": False,
        }
        self._tickets[self._last_id] = ticket
        data = {key: ticket[key] for key in ("ticket_id", "subject", "priority")}
        return {"success": True, "message": f"Ticket #{self._last_id} opened.", "data": data}

    @synchronized
    def assign_ticket(self, ticket_id: int, agent: str) -> dict[str, Any]:
        """Assign an open ticket.

        Args:
            ticket_id: The ticket's number.
            agent: Name of the agent.

        Returns:
            dict[str, Any]: Response with {"ticket_id", "assignee"}.
        """
        try:
            ticket = self._find(ticket_id)
        except DeskError as error:
            return {"success": False, "message": error.message, "data": None}
        ticket["assignee"] = agent
        return {
            "success": True,
            "message": f"Ticket #{ticket_id} assigned to {agent}.",
            "data": {"ticket_id": ticket_id, "assignee": agent},
        }

    @synchronized
    def close_ticket(self, ticket_id: int) -> dict[str, Any]:
        """Close a ticket.

        Args:
            ticket_id: The ticket's number.

        Returns:
            dict[str, Any]: Response with {"ticket_id"}.
        """
        try:
            ticket = self._find(ticket_id)
        except DeskError as error:
            return {"success": False, "message": error.message, "data": None}
        ticket["closed"] = True
        message = f"Ticket #{ticket_id} closed."
        return {"success": True, "message": message, "data": {"ticket_id": ticket_id}}

    @synchronized
    def list_open(self) -> dict[str, Any]:
        """List open tickets, highest priority first.

        Returns:
            dict[str, Any]: Response whose data is rows [id, subject, priority, assignee].
        """
        rows = [
            [t["ticket_id"], t["subject"], t["priority"], t.get("assignee") or ""]
            for t in sorted(self._tickets.values(), key=lambda t: _PRIORITY_RANK[t["priority"]])
            if not t.get("closed")
        ]
        if not rows:
            return {"success": True, "message": "The queue is empty.", "data": []}
        return {"success": True, "message": f"{len(rows)} open tickets.", "data": rows}
