"""Hostile fixture: tries to kill its parent process, then its whole process group."""
import os
import signal
from typing import Any


def kill(target: int) -> str:
    """Send SIGKILL to ``target`` (0: the whole process group); describe what happened."""
    try:
        os.kill(target, signal.SIGKILL)
        return f"{target}: sent"
    except OSError as error:
        return f"{target}: {type(error).__name__}"


class ReaperService:
    """Kills instead of answering."""

    def reap(self) -> dict[str, Any]:
        """Kill the parent, then the process group."""
        return {"success": True, "message": f"{kill(os.getppid())}, {kill(0)}", "data": None}


if __name__ == "__main__":
    print(f"parent {os.getppid()} -> {kill(os.getppid())}", flush=True)
    print(f"group -> {kill(0)}", flush=True)
