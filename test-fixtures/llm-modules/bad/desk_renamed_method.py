"""
Support Desk Queue module.

Implements the ticket queue of the support desk design for a Gradio front end.

Classes:
    SupportDesk: Opens, assigns, closes and lists tickets.
    Ticket: A support ticket.
    DeskError: Base exception.

Example:
    Basic usage::

        desk = SupportDesk()
        result = desk.open_ticket("VPN down", "high")
        if result["success"]:
            print(result["data"])
"""

import logging
import threading
from dataclasses import dataclass
from typing import Any, Literal, Optional, get_args

logger = logging.getLogger(__name__)

Priority = Literal["low", "normal", "high"]

PRIORITIES: tuple[str, ...] = get_args(Priority)
DEFAULT_PRIORITY: Priority = "normal"
MAX_SUBJECT_LENGTH = 80
PRIORITY_ORDER = {"high": 0, "normal": 1, "low": 2}
UNEXPECTED = "An unexpected error occurred. Please try again."


class DeskError(Exception):
    """Base exception for desk errors.

    Attributes:
        message: Human-readable error message.
        code: Error code for programmatic handling.
    """

    def __init__(self, message: str, code: str = "DESK_ERROR") -> None:
        """Initialise the error.

        Args:
            message: Human-readable error message.
            code: Error code.
        """
        self.message = message
        self.code = code
        super().__init__(self.message)


class TicketNotFoundError(DeskError):
    """Raised when a ticket id is unknown."""


class TicketClosedError(DeskError):
    """Raised when acting on a closed ticket."""


@dataclass
class Ticket:
    """A support ticket.

    Attributes:
        ticket_id: Running number.
        subject: What the problem is.
        priority: low, normal or high.
        assignee: Agent working on it, if any.
        closed: Whether it is closed.
    """

    ticket_id: int
    subject: str
    priority: str
    assignee: Optional[str] = None
    closed: bool = False

    def row(self) -> list[Any]:
        """Return the ticket as a table row.

        Returns:
            list[Any]: id, subject, priority and assignee.
        """
        return [self.ticket_id, self.subject, self.priority, self.assignee or "-"]


class SupportDesk:
    """Thread-safe ticket queue.

    Attributes:
        tickets: All tickets by id.
    """

    def __init__(self) -> None:
        """Initialise an empty desk."""
        self.tickets: dict[int, Ticket] = {}
        self._next_id = 1
        self._lock = threading.Lock()

    def _get_open_ticket(self, ticket_id: int) -> Ticket:
        """Look up a ticket that is still open.

        Args:
            ticket_id: The ticket number.

        Returns:
            Ticket: The open ticket.

        Raises:
            TicketNotFoundError: If the id is unknown.
            TicketClosedError: If the ticket is closed.
        """
        if ticket_id not in self.tickets:
            raise TicketNotFoundError(f"Ticket #{ticket_id} not found.", "TICKET_NOT_FOUND")
        ticket = self.tickets[ticket_id]
        if ticket.closed:
            raise TicketClosedError(f"Ticket #{ticket_id} is already closed.", "TICKET_CLOSED")
        return ticket

    def open_ticket(self, subject: str, priority: str = DEFAULT_PRIORITY) -> dict[str, Any]:
        """Open a new ticket.

        Args:
            subject: The problem, at most MAX_SUBJECT_LENGTH characters.
            priority: low, normal or high.

        Returns:
            dict[str, Any]: Response with ticket_id, subject and priority as data.
        """
        try:
            if not subject or not subject.strip():
                raise DeskError("A subject is required.", "SUBJECT_REQUIRED")
            if priority not in PRIORITIES:
                allowed = ", ".join(PRIORITIES)
                raise DeskError(f"Priority must be one of: {allowed}.", "INVALID_PRIORITY")
            with self._lock:
                ticket = Ticket(self._next_id, subject.strip()[:MAX_SUBJECT_LENGTH], priority)
                self.tickets[ticket.ticket_id] = ticket
                self._next_id += 1
            data = {"ticket_id": ticket.ticket_id, "subject": ticket.subject, "priority": priority}
            return {"success": True, "message": f"Ticket #{ticket.ticket_id} opened.", "data": data}
        except DeskError as error:
            return {"success": False, "message": error.message, "data": None}
        except Exception as error:
            logger.exception("open_ticket failed")
            return {"success": False, "message": f"{UNEXPECTED} ({error})", "data": None}

    def assign_ticket(self, ticket_id: int, agent: str) -> dict[str, Any]:
        """Assign a ticket to an agent.

        Args:
            ticket_id: The ticket number.
            agent: The agent's name.

        Returns:
            dict[str, Any]: Response with ticket_id and assignee as data.
        """
        try:
            with self._lock:
                ticket = self._get_open_ticket(ticket_id)
                ticket.assignee = agent
            return {
                "success": True,
                "message": f"Ticket #{ticket_id} assigned to {agent}.",
                "data": {"ticket_id": ticket_id, "assignee": agent},
            }
        except DeskError as error:
            return {"success": False, "message": error.message, "data": None}
        except Exception:
            logger.exception("assign_ticket failed")
            return {"success": False, "message": UNEXPECTED, "data": None}

    def resolve_ticket(self, ticket_id: int) -> dict[str, Any]:
        """Close a ticket.

        Args:
            ticket_id: The ticket number.

        Returns:
            dict[str, Any]: Response with ticket_id as data.
        """
        try:
            with self._lock:
                self._get_open_ticket(ticket_id).closed = True
            return {
                "success": True,
                "message": f"Ticket #{ticket_id} closed.",
                "data": {"ticket_id": ticket_id},
            }
        except DeskError as error:
            return {"success": False, "message": error.message, "data": None}
        except Exception:
            logger.exception("resolve_ticket failed")
            return {"success": False, "message": UNEXPECTED, "data": None}

    def list_open(self) -> dict[str, Any]:
        """List the open tickets, highest priority first.

        Returns:
            dict[str, Any]: Response with the rows as data.
        """
        with self._lock:
            open_tickets = [t for t in self.tickets.values() if not t.closed]
        open_tickets.sort(key=lambda t: (PRIORITY_ORDER[t.priority], t.ticket_id))
        if not open_tickets:
            return {"success": True, "message": "The queue is empty.", "data": []}
        rows = [t.row() for t in open_tickets]
        return {"success": True, "message": f"{len(rows)} open tickets.", "data": rows}


if __name__ == "__main__":
    desk = SupportDesk()
    print(desk.open_ticket("Printer jam"))
    print(desk.assign_ticket(1, "Ana"))
    print(desk.list_open())
