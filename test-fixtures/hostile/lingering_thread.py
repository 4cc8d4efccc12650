"""Hostile fixture: starts a non-daemon thread at import that never ends.

In a Gradio app it blocks shutdown. The run must still end in bounded time, and the thread
must be a runtime/shutdown-blocked finding naming it and where it runs.
"""
import threading
import time
from typing import Any


def _poll() -> None:
    while True:
        time.sleep(0.05)


_POLLER = threading.Thread(target=_poll, name="poller")
_POLLER.start()


class Status:
    """Reports a status."""

    def status(self, name: str = "x") -> dict[str, Any]:
        """Answer at once."""
        return {"success": True, "message": "ok", "data": name}
