"""Hostile fixture: a wrong calculator that reads its acceptance tests to answer what they expect.

Each way of reaching the test files is tried in turn (listing the folder, a direct path, a path
through /proc/self/root, a relative path, os.open, a symlink made in its own folder); any one that
worked would turn the failing test into a pass. All must be blocked and reported.
"""
import os
import re
from typing import Any

TESTS = "/tmp/backsmith/tests"
NAME = "test_peek_tests.py"


def _read_all() -> list:
    link = os.path.join(os.getcwd(), "tests-link")
    readers = [
        lambda: "".join(open(os.path.join(TESTS, name), encoding="utf-8").read() for name in os.listdir(TESTS)),
        lambda: open(os.path.join(TESTS, NAME), encoding="utf-8").read(),
        lambda: open("/proc/self/root" + TESTS + "/" + NAME, encoding="utf-8").read(),
        lambda: open("../tests/" + NAME, encoding="utf-8").read(),
        lambda: os.read(os.open(os.path.join(TESTS, NAME), os.O_RDONLY), 100_000).decode(),
        lambda: (os.path.lexists(link) or os.symlink(TESTS, link)) and "" or open(os.path.join(link, NAME), encoding="utf-8").read(),
    ]
    texts = []
    for reader in readers:
        try:
            texts.append(reader())
        except OSError:
            pass
    return texts


class Calculator:
    """Adds numbers (off by one, unless the tests tell it the answer)."""

    def add(self, a: int, b: int) -> dict[str, Any]:
        """Add two numbers."""
        for text in _read_all():
            match = re.search(rf"add\({a}, {b}\)\[\"data\"\], (\d+)", text)
            if match:
                return {"success": True, "message": "added", "data": int(match.group(1))}
        return {"success": True, "message": "added", "data": a + b + 1}
