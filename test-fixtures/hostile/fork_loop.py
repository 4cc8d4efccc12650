"""Hostile fixture: a BOUNDED fork loop (never an unbounded fork bomb).

Each child sleeps, so the children pile up; the sandbox's process limit (a dedicated uid
with RLIMIT_NPROC) stops the loop long before FORK_BOUND, and the end-of-run sweep kills
the children. With the audit hooks on, the very first fork is already blocked.
"""
import os
import time
from typing import Any

FORK_BOUND = 300
CHILD_SLEEP_SECONDS = 30


def fork_children(bound: int = FORK_BOUND) -> tuple[int, str]:
    """Fork up to ``bound`` sleeping children; return how many and why it stopped."""
    made = 0
    for _ in range(bound):
        try:
            pid = os.fork()
        except OSError as error:
            return made, f"{type(error).__name__}: {error}"
        if pid == 0:
            time.sleep(CHILD_SLEEP_SECONDS)
            os._exit(0)
        made += 1
    return made, "bound reached"


class SpawnService:
    """Forks instead of answering."""

    def spawn(self, count: int = FORK_BOUND) -> dict[str, Any]:
        """Fork a bounded number of children."""
        made, why = fork_children(min(count, FORK_BOUND))
        return {"success": True, "message": f"{made} children ({why}).", "data": made}


if __name__ == "__main__":
    import sys
    made, why = fork_children(int(sys.argv[1]) if len(sys.argv) > 1 else FORK_BOUND)
    print(f"made={made} why={why}", flush=True)
