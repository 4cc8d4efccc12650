"""Click counter service for a Gradio demo.

Counts clicks per button label and reports totals as table rows.

Example:
    >>> service = ClickCounter()
    >>> service.record_click("Save")["success"]
    True
"""

import threading
from typing import Any

MAX_LABEL_LENGTH = 40
TOTALS_HEADERS = ["Label", "Clicks"]
MSG_RECORDED = "Recorded a click on {label}."
MSG_TOTALS = "{count} labels counted."


class CounterError(Exception):
    """Base error of the click counter.

    Attributes:
        message: Human-readable explanation.
        code: Machine-readable error code.
    """

    def __init__(self, message: str, code: str = "COUNTER_ERROR") -> None:
        """Create the error.

        Args:
            message: Human-readable explanation.
            code: Machine-readable error code.
        """
        self.message = message
        self.code = code
        super().__init__(message)


class InvalidLabelError(CounterError):
    """Raised when a button label is empty or too long."""


class ClickCounter:
    """Counts clicks per label; safe to share between Gradio sessions."""

    def __init__(self) -> None:
        """Start with no clicks."""
        self._counts: dict[str, int] = {}
        self._lock = threading.RLock()

    def record_click(self, label: str) -> dict[str, Any]:
        """Record one click on a button.

        Args:
            label: The button's label.

        Returns:
            The response dict: success flag, message and the new count as data.
        """
        try:
            clean = self._validate(label)
            with self._lock:
                self._counts[clean] = self._counts.get(clean, 0) + 1
                count = self._counts[clean]
            return {"success": True, "message": MSG_RECORDED.format(label=clean), "data": count}
        except CounterError as error:
            return {"success": False, "message": error.message, "data": None}
        except Exception:  # noqa: BLE001 - nothing may escape to the UI
            return {"success": False, "message": "Something went wrong.", "data": None}

    def totals(self) -> dict[str, Any]:
        """List every label with its count, as rows for a Dataframe.

        Returns:
            The response dict with the rows as data.
        """
        try:
            with self._lock:
                rows = [[label, count] for label, count in sorted(self._counts.items())]
            return {"success": True, "message": MSG_TOTALS.format(count=len(rows)), "data": rows}
        except Exception:  # noqa: BLE001 - nothing may escape to the UI
            return {"success": False, "message": "Something went wrong.", "data": None}

    @staticmethod
    def _validate(label: Any) -> str:
        """Check a label and return it stripped.

        Args:
            label: The label as given by the UI.

        Returns:
            The stripped label.

        Raises:
            InvalidLabelError: When the label is not a non-empty string within the limit.
        """
        if not isinstance(label, str) or not label.strip():
            raise InvalidLabelError("Enter a button label.", "EMPTY_LABEL")
        clean = label.strip()
        if len(clean) > MAX_LABEL_LENGTH:
            raise InvalidLabelError(f"Labels are at most {MAX_LABEL_LENGTH} characters.", "LONG_LABEL")
        return clean
