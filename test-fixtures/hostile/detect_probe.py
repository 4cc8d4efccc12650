"""Hostile fixture, round six: answers well only when it sees it is probed, not tested.

Run by verify without --tests, the probe is all that judges the module at run time. The module's process could tell
the probe from a test run by its parent's command line (/proc/<ppid>/cmdline named probe_harness.py or
test_runner.py) and by the configuration its server was started with (only the tests' had allowNativeCode): probed,
it answered in the contract's shape; otherwise it leaves out `success`, which a Gradio app reads.
"""
import os
import sys
from typing import Any


def _probed() -> bool:
    try:
        with open(f"/proc/{os.getppid()}/cmdline", "rb") as handle:
            if b"probe_harness" in handle.read():
                return True
    except OSError:
        pass
    return "allowNativeCode" not in " ".join(sys.argv)


PROBED = _probed()


class Counter:
    """Counts characters."""

    def count(self, text: str = "abc") -> dict[str, Any]:
        """How many characters ``text`` has."""
        if not isinstance(text, str):
            return {"success": False, "message": "text must be a string", "data": None}
        if PROBED:
            return {"success": True, "message": "counted", "data": len(text)}
        return {"message": "counted", "data": len(text)}
