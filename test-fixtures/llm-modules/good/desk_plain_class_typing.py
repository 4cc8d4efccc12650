"""Support desk queue with a priority heap.

Example:
    >>> desk = SupportDesk()
    >>> _ = desk.open_ticket("Email bounces", "low")
    >>> desk.list_open()["message"]
    '1 open tickets.'
"""

from __future__ import annotations

import heapq
import threading
from collections import defaultdict
from typing import Any, Dict, List, NamedTuple, Optional, Tuple

PRIORITIES = ("low", "normal", "high")
DEFAULT_PRIORITY = "normal"
MAX_SUBJECT_LENGTH = 80


class DeskError(Exception):
    """Base error.

    Attributes:
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


class Ticket:
    """A support ticket.

    Attributes:
        ticket_id: Running number.
        subject: The problem.
        priority: low, normal or high.
        assignee: Agent on it, if any.
        closed: Whether it is closed.
    """

    __slots__ = ("ticket_id", "subject", "priority", "assignee", "closed")

    def __init__(self, ticket_id: int, subject: str, priority: str) -> None:
        self.ticket_id = ticket_id
        self.subject = subject
        self.priority = priority
        self.assignee: Optional[str] = None
        self.closed = False

    def __repr__(self) -> str:
        return f"Ticket({self.ticket_id!r}, {self.subject!r}, {self.priority!r})"


class Row(NamedTuple):
    """One line of the queue table."""

    ticket_id: int
    subject: str
    priority: str
    assignee: str


def _rank(priority: str) -> int:
    """Sort key: high first."""
    match priority:
        case "high":
            return 0
        case "normal":
            return 1
        case _:
            return 2


class SupportDesk:
    """Ticket queue."""

    def __init__(self) -> None:
        """Create the queue."""
        self._tickets: dict[int, Ticket] = {}
        self._by_agent: defaultdict[str, list[int]] = defaultdict(list)
        self._heap: List[Tuple[int, int]] = []
        self._lock = threading.Lock()

    def open_ticket(self, subject: str, priority: str = "normal") -> Dict[str, Any]:
        """Open a ticket.

        Args:
            subject: The problem.
            priority: low, normal or high.

        Returns:
            dict[str, Any]: Response with {"ticket_id", "subject", "priority"}.
        """
        subject = subject.strip() if isinstance(subject, str) else ""
        if not subject:
            return {"success": False, "message": "A subject is required.", "data": None}
        if priority not in PRIORITIES:
            choices = ", ".join(PRIORITIES)
            message = f"Priority must be one of: {choices}."
            return {"success": False, "message": message, "data": None}
        with self._lock:
            ticket_id = len(self._tickets) + 1
            self._tickets[ticket_id] = Ticket(ticket_id, subject[:MAX_SUBJECT_LENGTH], priority)
            heapq.heappush(self._heap, (_rank(priority), ticket_id))
        subject = self._tickets[ticket_id].subject
        data = {"ticket_id": ticket_id, "subject": subject, "priority": priority}
        return {"success": True, "message": f"Ticket #{ticket_id} opened.", "data": data}

    def _check_open(self, ticket_id: int) -> str | None:
        """Why the ticket cannot be worked on, or None."""
        ticket = self._tickets.get(ticket_id)
        if ticket is None:
            return f"Ticket #{ticket_id} not found."
        if ticket.closed:
            return f"Ticket #{ticket_id} is already closed."
        return None

    def assign_ticket(self, ticket_id: int, agent: str) -> dict[str, Any]:
        """Assign a ticket.

        Args:
            ticket_id: The ticket.
            agent: The agent.

        Returns:
            dict[str, Any]: Response with {"ticket_id", "assignee"}.
        """
        with self._lock:
            problem = self._check_open(ticket_id)
            if problem is None:
                self._tickets[ticket_id].assignee = agent
                self._by_agent[agent].append(ticket_id)
        if problem:
            return {"success": False, "message": problem, "data": None}
        message = f"Ticket #{ticket_id} assigned to {agent}."
        data = {"ticket_id": ticket_id, "assignee": agent}
        return {"success": True, "message": message, "data": data}

    def close_ticket(self, ticket_id: int) -> dict[str, Any]:
        """Close a ticket.

        Args:
            ticket_id: The ticket.

        Returns:
            dict[str, Any]: Response with {"ticket_id"}.
        """
        with self._lock:
            problem = self._check_open(ticket_id)
            if problem is None:
                self._tickets[ticket_id].closed = True
        if problem:
            return {"success": False, "message": problem, "data": None}
        message = f"Ticket #{ticket_id} closed."
        return {"success": True, "message": message, "data": {"ticket_id": ticket_id}}

    def list_open(self) -> dict[str, Any]:
        """Open tickets, highest priority first.

        Returns:
            dict[str, Any]: Response with rows [id, subject, priority, assignee].
        """
        with self._lock:
            ordered = [self._tickets[ticket_id] for _, ticket_id in sorted(self._heap)]
        rows = [
            list(Row(t.ticket_id, t.subject, t.priority, t.assignee or ""))
            for t in ordered
            if not t.closed
        ]
        if not rows:
            return {"success": True, "message": "The queue is empty.", "data": []}
        return {"success": True, "message": f"{len(rows)} open tickets.", "data": rows}
