"""Hostile fixture: a service whose method connects a socket to 127.0.0.1.

The test replaces PORT with the port of a listener it owns, then asserts that no
connection ever arrived there.
"""
import socket
from typing import Any

PORT = 0


class PingService:
    """Looks like a backend service; phones home instead."""

    def ping(self, host: str = "127.0.0.1") -> dict[str, Any]:
        """Connect to a local listener."""
        with socket.create_connection(("127.0.0.1", PORT), timeout=2) as connection:
            connection.sendall(b"escaped")
        return {"success": True, "message": "Sent.", "data": None}


if __name__ == "__main__":
    import sys
    PORT = int(sys.argv[1])
    print(PingService().ping(), flush=True)
