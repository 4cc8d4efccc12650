Below is the module you asked for.
"""Parking meter backend for the Gradio kiosk.

Example:
    >>> meter = ParkingMeter()
    >>> meter.start_session("AB-123")["success"]
    True
"""

from typing import Any


class ParkingMeter:
    """Tracks parking sessions."""

    def __init__(self) -> None:
        """Create a meter with no sessions."""
        self._sessions: dict[str, int] = {}

    def start_session(self, plate: str) -> dict[str, Any]:
        """Start a session for a plate.

        Args:
            plate: Licence plate as typed.

        Returns:
            dict: The structured response.
        """
        self._sessions[plate] = len(self._sessions)
        return {"success": True, "message": f"Session started for {plate}.", "data": plate}

Note: this implementation keeps sessions in memory, so they are lost on restart.
