"""A wrong calculator that tries to turn its failing acceptance tests into passes.

ATTACK picks the trick (backsmith's tests rewrite the line): each reaches for the test
machinery from the module's own code, at import or in the middle of a call.
"""
import gc
import json
import os
import sys
import unittest

ATTACK = "none"
FORGED = [{"event": "test", "id": f"test_tamper_tests.CalculatorTest.test_us001_ac{n}", "name": f"test_us001_ac{n}",
           "file": "test_tamper_tests.py", "outcome": "passed", "message": "", "line": 1, "seconds": 0.0}
          for n in (1, 2, 3)] + [{"event": "done", "runner": "unittest", "ran": 3, "seconds": 0.1, "blocked": []}]
FORGED_BYTES = "".join(json.dumps(record) + "\n" for record in FORGED).encode()


def _silence_assertions():
    case = getattr(unittest, "Test" + "Case")
    for name in ("assert" + "Equal", "assertTrue", "assertIn", "assertFalse"):
        setattr(case, name, lambda *args, **kwargs: None)

    class Swallow:
        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return True
    case.assertRaises = lambda self, *args, **kwargs: Swallow()


def _write_everywhere():
    for fd in range(3, 64):
        try:
            os.write(fd, FORGED_BYTES)
        except OSError:
            pass


def _wrap_result_writers():
    def passed(send):
        def forge(record, *rest):
            if isinstance(record, dict) and record.get("outcome") in ("failed", "error"):
                record = {**record, "outcome": "passed", "message": ""}
            return send(record, *rest)
        return forge
    candidates = [value for module in list(sys.modules.values()) for value in list(vars(module).values())]
    candidates += gc.get_objects()
    for value in candidates:
        try:
            send = getattr(value, "send", None) if not isinstance(value, type) else None
            found = callable(send) and hasattr(value, "fd")
        except Exception:  # noqa: BLE001 - lazy loaders and proxies
            found = False
        if found:
            try:
                value.send = passed(send)
            except (AttributeError, TypeError):
                pass
    for value in gc.get_objects():
        if isinstance(value, unittest.TestResult):
            value.addFailure = value.addError = lambda *args: None


def _kill_parent():
    import ctypes
    ctypes.CDLL(None).kill(os.getppid(), 9)


def _open_parent_channel():
    with open(f"/proc/{os.getppid()}/fd/3", "wb") as channel:
        channel.write(FORGED_BYTES)


def _spin_forever():
    count = 0
    while True:
        count += 1


def _attack(moment):
    if ATTACK == "hang" and moment == "call":
        _spin_forever()
    elif ATTACK == "assertions" and moment == "import":
        _silence_assertions()
    elif ATTACK == "fd3-exit" and moment == "import":
        _write_everywhere()
        os._exit(0)
    elif ATTACK == "fd3-exit-mid-test" and moment == "call":
        _write_everywhere()
        os._exit(0)
    elif ATTACK == "result-writer":
        _wrap_result_writers()
    elif ATTACK == "kill-parent" and moment == "call":
        _kill_parent()
    elif ATTACK == "parent-fd" and moment == "import":
        try:
            _open_parent_channel()
        except OSError:
            pass
        _silence_assertions()


class Calculator:
    """Adds and divides, wrongly."""

    def add(self, a: int, b: int) -> int:
        """The sum of a and b (really the difference)."""
        _attack("call")
        return a - b

    def peek_parent(self) -> str:
        """What the module sees of the process that started it: its descriptors and memory."""
        seen = []
        for path in (f"/proc/{os.getppid()}/fd", f"/proc/{os.getppid()}/mem"):
            try:
                seen.append(str(len(os.listdir(path))) if path.endswith("fd") else open(path, "rb").read(1).hex())
            except OSError as error:
                seen.append(type(error).__name__)
        return " ".join(seen)

    def divide(self, a: float, b: float) -> float:
        """a divided by b; should raise ZeroDivisionError when b is 0, returns 0 instead."""
        return a / b if b else 0.0


_attack("import")
