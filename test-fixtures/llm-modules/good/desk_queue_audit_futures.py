"""Support desk queue with an audit trail.

Every change is also put on a thread-safe :class:`queue.Queue` of audit
events, which a logging helper drains. The demo at the bottom opens tickets
from several threads at once with :mod:`concurrent.futures`.

Example:
    >>> desk = SupportDesk()
    >>> desk.open_ticket("Printer jam")["message"]
    'Ticket #1 opened.'
    >>> desk.close_ticket(1)["message"]
    'Ticket #1 closed.'
    >>> desk.list_open()["message"]
    'The queue is empty.'
"""

from __future__ import annotations

import logging
import queue
import threading
from dataclasses import dataclass
from typing import Any, NamedTuple

logger = logging.getLogger(__name__)

PRIORITIES = ("low", "normal", "high")
DEFAULT_PRIORITY = "normal"
MAX_SUBJECT_LENGTH = 80
DEMO_WORKERS = 4


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
    """The ticket does not exist."""


class TicketClosedError(DeskError):
    """The ticket was closed already."""


@dataclass
class Ticket:
    """A support ticket."""

    ticket_id: int
    subject: str
    priority: str
    assignee: str | None = None
    closed: bool = False


class AuditEvent(NamedTuple):
    """One change made to the queue."""

    action: str
    ticket_id: int


class SupportDesk:
    """The shared ticket queue."""

    def __init__(self) -> None:
        """Create an empty desk."""
        self._tickets: dict[int, Ticket] = {}
        self._lock = threading.Lock()
        self._audit: queue.Queue[AuditEvent] = queue.Queue()

    def _record(self, action: str, ticket_id: int) -> None:
        """Queue an audit event (Queue is thread-safe on its own)."""
        self._audit.put(AuditEvent(action, ticket_id))

    def _drain_audit(self) -> dict[str, Any]:
        """Return and forget the audit events recorded so far.

        Returns:
            dict[str, Any]: Response with data, a list of ``[action, ticket_id]`` rows.
        """
        events: list[list[Any]] = []
        while True:
            try:
                event = self._audit.get_nowait()
            except queue.Empty:
                break
            events.append([event.action, event.ticket_id])
        return {"success": True, "message": f"{len(events)} audit events.", "data": events}

    def _open(self, ticket_id: int) -> Ticket:
        """Return the open ticket; call with the lock held."""
        if (ticket := self._tickets.get(ticket_id)) is None:
            raise TicketNotFoundError(f"Ticket #{ticket_id} not found.")
        if ticket.closed:
            raise TicketClosedError(f"Ticket #{ticket_id} is already closed.")
        return ticket

    def open_ticket(self, subject: str, priority: str = DEFAULT_PRIORITY) -> dict[str, Any]:
        """Open a ticket.

        Args:
            subject: The problem.
            priority: low, normal or high.

        Returns:
            dict[str, Any]: Response with data ``{"ticket_id", "subject", "priority"}``.
        """
        subject = subject.strip() if subject else ""
        if not subject:
            return {"success": False, "message": "A subject is required.", "data": None}
        if priority not in PRIORITIES:
            return {
                "success": False,
                "message": "Priority must be one of: {}.".format(", ".join(PRIORITIES)),
                "data": None,
            }
        with self._lock:
            ticket_id = len(self._tickets) + 1
            self._tickets[ticket_id] = Ticket(ticket_id, subject[:MAX_SUBJECT_LENGTH], priority)
        self._record("open", ticket_id)
        return {
            "success": True,
            "message": f"Ticket #{ticket_id} opened.",
            "data": {
                "ticket_id": ticket_id,
                "subject": subject[:MAX_SUBJECT_LENGTH],
                "priority": priority,
            },
        }

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
                self._open(ticket_id).assignee = agent
        except DeskError as error:
            return {"success": False, "message": error.message, "data": None}
        self._record("assign", ticket_id)
        return {
            "success": True,
            "message": f"Ticket #{ticket_id} assigned to {agent}.",
            "data": {"ticket_id": ticket_id, "assignee": agent},
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
                self._open(ticket_id).closed = True
        except DeskError as error:
            return {"success": False, "message": error.message, "data": None}
        self._record("close", ticket_id)
        return {
            "success": True,
            "message": f"Ticket #{ticket_id} closed.",
            "data": {"ticket_id": ticket_id},
        }

    def list_open(self) -> dict[str, Any]:
        """List open tickets, high priority first.

        Returns:
            dict[str, Any]: Response with rows ``[id, subject, priority, assignee]``.
        """
        with self._lock:
            open_tickets = [t for t in self._tickets.values() if not t.closed]
        open_tickets.sort(key=lambda t: (-PRIORITIES.index(t.priority), t.ticket_id))
        rows = [[t.ticket_id, t.subject, t.priority, t.assignee or ""] for t in open_tickets]
        message = f"{len(rows)} open tickets." if rows else "The queue is empty."
        return {"success": True, "message": message, "data": rows}


if __name__ == "__main__":
    from concurrent.futures import ThreadPoolExecutor, as_completed

    demo = SupportDesk()
    with ThreadPoolExecutor(max_workers=DEMO_WORKERS) as pool:
        futures = [pool.submit(demo.open_ticket, f"Problem {n}") for n in range(8)]
        for future in as_completed(futures):
            print(future.result()["message"])
    print(demo.list_open())
    print(demo._drain_audit()["message"])
