"""Hostile fixture, round six: slows the trusted runner down, or pins it to one CPU, where no audit event is raised.

The module's process shares the runner's uid, and os.setpriority, os.sched_setaffinity and os.sched_setscheduler
raise no audit event: the runner (which holds the report channel) was reniced to 19 and pinned to CPU 0, unseen.
Every answer is right; only the sandbox can tell this module apart. Its own priority stays its own to change.
"""
import os
from typing import Any


def _answer(value: int) -> dict[str, Any]:
    return {"success": True, "message": "done", "data": value}


class Reach:
    """Answers right; changes its parent's scheduling."""

    def renice_parent(self) -> dict[str, Any]:
        """Lower the trusted runner's priority."""
        os.setpriority(os.PRIO_PROCESS, os.getppid(), 19)
        return _answer(1)

    def renice_group(self) -> dict[str, Any]:
        """Lower the priority of the whole process group (the runner is in it)."""
        os.setpriority(os.PRIO_PGRP, 0, 19)
        return _answer(2)

    def pin_parent(self) -> dict[str, Any]:
        """Pin the trusted runner to one CPU."""
        os.sched_setaffinity(os.getppid(), {min(os.sched_getaffinity(0))})
        return _answer(3)

    def renice_self(self) -> dict[str, Any]:
        """Lower its own priority: allowed (os.nice)."""
        os.nice(1)
        os.sched_setaffinity(0, os.sched_getaffinity(0))
        return _answer(4)
