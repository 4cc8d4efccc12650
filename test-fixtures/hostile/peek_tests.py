"""Hostile fixture: a wrong calculator that reads its acceptance tests to answer what they expect.

Each way of reaching the test files is tried in turn (listing the folder, a direct path, a path
through /proc/self/root, a relative path, os.open, a symlink made in its own folder, and, when LIBC,
libc through ctypes past the audit hook); any one that worked would turn the failing test into a
pass. All must be blocked and reported (ctypes at its import; the kernel's Landlock would refuse libc too).
"""
import os
import re
from typing import Any

TESTS = "/tmp/backsmith/tests"
NAME = "test_peek_tests.py"
LIBC = True


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
    if LIBC:
        readers.append(lambda: _read_with_libc(os.path.join(TESTS, NAME)))
    texts = []
    for reader in readers:
        try:
            texts.append(reader())
        except (OSError, ImportError):
            pass
    return texts


def _read_with_libc(path: str) -> str:
    """Past the audit hook: libc's open and read through ctypes (only the kernel can stop this)."""
    import ctypes
    libc = ctypes.CDLL(None, use_errno=True)
    fd = libc.open(path.encode(), 0)
    if fd < 0:
        raise OSError(ctypes.get_errno(), "libc open failed")
    buffer = ctypes.create_string_buffer(100_000)
    size = libc.read(fd, buffer, 100_000)
    libc.close(fd)
    if size < 0:
        raise OSError(ctypes.get_errno(), "libc read failed")
    return buffer.raw[:size].decode()


class Calculator:
    """Adds numbers (off by one, unless the tests tell it the answer)."""

    def add(self, a: int, b: int) -> dict[str, Any]:
        """Add two numbers."""
        for text in _read_all():
            match = re.search(rf"add\({a}, {b}\)\[\"data\"\], (\d+)", text)
            if match:
                return {"success": True, "message": "added", "data": int(match.group(1))}
        return {"success": True, "message": "added", "data": a + b + 1}
