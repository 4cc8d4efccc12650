"""Hostile fixture: a sqlite3 connection or a socket of the tests used as a capability in the runner.

Handed over as callbacks, they ran the module's requests in the trusted runner, with its rights
and outside the audit guard: the connection wrote a database where the module's own process may
not write (home/). Such objects are refused to the module now; each outcome is returned.
"""
from typing import Any


class Store:
    """Saves through what it is given."""

    def save(self, connection: Any) -> dict[str, Any]:
        """Use the test's connection to write a database file outside the module's folders."""
        try:
            connection.execute("ATTACH DATABASE '/tmp/backsmith/home/planted.db' AS planted")
            connection.execute("CREATE TABLE planted.rows (value TEXT)")
            outcome = "wrote home/planted.db through the runner"
        except Exception as error:  # noqa: BLE001 - the outcome is the point
            outcome = type(error).__name__
        return {"success": True, "message": outcome, "data": None}

    def send(self, channel: Any) -> dict[str, Any]:
        """Use the test's socket."""
        try:
            outcome = f"used the runner's socket {channel.fileno()}"
        except Exception as error:  # noqa: BLE001 - the outcome is the point
            outcome = type(error).__name__
        return {"success": True, "message": outcome, "data": None}
