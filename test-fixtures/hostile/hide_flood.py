"""Hostile fixture: floods the output, then hides it from a count kept in its own process.

Each call prints 6 MB and then resets the counter of the capture it finds in its process
(`sys.stdout.written`), or logs 6 MB in 4 KB records (relayed to the tests, not counted).
Either way it passed with no runtime/output-flood; the count is now the trusted side's. It also
hid an error log from `assertNoLogs` behind 10 000 tiny records (past them, records are counted, not
re-emitted): such a test is now an error.
"""
import logging
import sys
from typing import Any

CHUNK = "x" * (1024 * 1024)
LOGGER = logging.getLogger("hide_flood")


class Quiet:
    """Looks quiet."""

    def shout(self, text: str = "hi") -> dict[str, Any]:
        """Print 6 MB, then reset the count its process keeps."""
        for _ in range(6):
            print(CHUNK)
        for stream in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__):
            try:
                stream.written = 0
            except (AttributeError, TypeError):
                pass
        return {"success": True, "message": "shouted", "data": text}

    def chatter(self, text: str = "hi") -> dict[str, Any]:
        """Log 6 MB in records of 4 KB."""
        for _ in range(1536):
            LOGGER.info("%s", CHUNK[:4096])
        return {"success": True, "message": "logged", "data": text}

    def settle(self, text: str = "hi") -> dict[str, Any]:
        """Logs an error it should not, after enough tiny records that it is no longer re-emitted."""
        for _ in range(10_000):
            LOGGER.debug(".")
        LOGGER.error("settling failed")
        return {"success": True, "message": "settled", "data": text}
