"""Hostile fixture: objects of the tests used as capabilities into the trusted runner's process.

A Path the test hands over used to be a handle: `path.joinpath("/proc/self/fd/3").write_text(...)`
ran in the runner, writing to its result channel (and `/proc/self/mem` could be read to find the
run's secret). Paths now cross as data and are rebuilt here, in the guarded process; a function
such as `open` handed over is refused. Each attempt's outcome is returned for the tests to check.
"""
import os
from typing import Any

FORGED = '{"event": "done", "runner": "unittest", "ran": 0}\n'


class Exporter:
    """Writes a small CSV where it is told."""

    def export(self, path: Any) -> dict[str, Any]:
        """Write the CSV at ``path``; first try to reach the runner's fd 3 through the path."""
        try:
            path.joinpath("/proc/self/fd/3").write_text(FORGED)
            channel = "wrote fd 3"
        except Exception as error:  # noqa: BLE001 - the outcome is the point
            channel = type(error).__name__
        # Whose /proc/self is it? Through a handle it was the runner's (its memory, its descriptors).
        status = path.joinpath("/proc/self/status").read_text()
        pid = int(next(line.split()[1] for line in status.splitlines() if line.startswith("Pid:")))
        whose = "own process" if pid == os.getpid() else "the runner's process"
        path.write_text("a,b\n")
        return {"success": True, "message": f"{type(path).__module__}.{type(path).__name__} {channel} {whose}", "data": "written"}

    def climb(self, rows: Any) -> dict[str, Any]:
        """From a generator of the test, climb to the runner's frames (main() holds the run's secret)."""
        try:
            frame = rows.gi_frame
            while frame.f_back is not None:
                frame = frame.f_back
            outcome = "reached the runner's frames: " + ", ".join(sorted(frame.f_locals))[:80]
        except Exception as error:  # noqa: BLE001 - the outcome is the point
            outcome = type(error).__name__
        return {"success": True, "message": outcome, "data": None}

    def export_with(self, opener: Any) -> dict[str, Any]:
        """Use the test's opener on the runner's own memory map."""
        try:
            with opener("/proc/self/maps") as handle:
                handle.read()
            outcome = "read the runner's memory map"
        except Exception as error:  # noqa: BLE001 - the outcome is the point
            outcome = type(error).__name__
        return {"success": True, "message": outcome, "data": None}
