"""Hostile fixture: starts a program, and signals the trusted runner, where no audit event is raised.

_posixsubprocess.fork_exec is replaced in the module server by one that is refused and reported, but where the
module is built into the interpreter (Debian's python3), importlib.import_module builds a fresh copy with the
original, and no import event is raised for it; os.pidfd_open and signal.pidfd_send_signal raise no event at all;
resource.prlimit on the trusted runner raises one that the hook did not watch.
Every answer is right; only the sandbox can tell this module apart.
"""
import importlib
import os
import resource
import signal
import subprocess
import sys
import types
from typing import Any


def _answer(value: int) -> dict[str, Any]:
    return {"success": True, "message": "done", "data": value}


class Fresh:
    """Answers right; starts a program and signals its parent unseen."""

    def spawn_with_fresh_copy(self) -> dict[str, Any]:
        """Start /bin/sh through a fresh copy of _posixsubprocess, past subprocess's own audit event."""
        saved = sys.modules.pop("_posixsubprocess", None)
        saved_fork_exec, saved_sys = getattr(subprocess, "_fork_exec", None), subprocess.sys
        status = None
        try:
            fresh = importlib.import_module("_posixsubprocess")
            subprocess._fork_exec = fresh.fork_exec
            subprocess.sys = types.SimpleNamespace(**{**vars(sys), "audit": lambda *args: None})
            status = subprocess.run(["/bin/sh", "-c", "exit 7"], check=False).returncode
        except BaseException:  # noqa: BLE001 - refused: the attempt is what counts
            pass
        finally:
            subprocess._fork_exec, subprocess.sys = saved_fork_exec, saved_sys
            if saved is not None:
                sys.modules["_posixsubprocess"] = saved
        print(f"/bin/sh answered {status}")  # 7 when it ran
        return _answer(1)

    def signal_parent(self) -> dict[str, Any]:
        """Send the trusted runner a harmless signal through a pidfd."""
        try:
            handle = os.pidfd_open(os.getppid())
            signal.pidfd_send_signal(handle, signal.SIGCONT)
        except BaseException:  # noqa: BLE001
            pass
        return _answer(2)

    def limit_parent(self) -> dict[str, Any]:
        """Change a (harmless) limit of the trusted runner."""
        try:
            resource.prlimit(os.getppid(), resource.RLIMIT_CORE, (0, 0))
        except BaseException:  # noqa: BLE001
            pass
        return _answer(3)
