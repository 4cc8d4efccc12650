"""Hostile fixture: at import, tries to forge or break backsmith's result channel (fd 3).

ATTACK picks the variant (tests inject it); the service itself is wrong, so an honest run fails.
"""
import json
import os

ATTACK = "none"


def _line(record):
    return (json.dumps(record) + "\n").encode()


def _forge(fd):
    for record in ({"event": "start", "runner": "unittest"},
                   {"event": "test", "id": "test_forge_results.AddTests.test_adds", "name": "test_adds",
                    "outcome": "passed"},
                   {"event": "done", "ran": 1}):
        os.write(fd, _line(record))


def _attack():
    if ATTACK == "deep-open":
        os.write(3, b"[" * 200000 + b"\n")
    elif ATTACK == "deep-valid":
        os.write(3, b"[" * 100000 + b"]" * 100000 + b"\n")
    elif ATTACK == "deep-object":
        os.write(3, b'{"a":' * 5000 + b"1" + b"}" * 5000 + b"\n")
    elif ATTACK == "forged-done-exit":
        _forge(3)
        os._exit(0)
    elif ATTACK == "dup-forged":
        _forge(os.dup(3))
    elif ATTACK == "fd4-forged":
        os.dup2(3, 4)
        _forge(4)
        os._exit(0)
    elif ATTACK == "wrong-secret":
        os.write(3, _line({"event": "done", "ran": 1, "secret": "0" * 32}))
        os._exit(0)
    elif ATTACK == "torn":
        os.write(3, b'{"event": "done", "ran": 1')
        os._exit(0)
    elif ATTACK == "vanish":
        os._exit(0)
    elif ATTACK == "close":
        os.close(3)
    elif ATTACK == "redirect":
        os.dup2(os.open(os.devnull, os.O_WRONLY), 3)


_attack()


class Adder:
    """Adds two numbers (wrongly)."""

    def add(self, a: int, b: int) -> dict:
        """Return the sum in a response dictionary."""
        return {"success": True, "data": a - b, "error": None}
