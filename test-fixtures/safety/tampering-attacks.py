"""Ways a module could try to forge its own test results, each written differently."""
import gc as collector
import inspect
import sys
import unittest
from importlib import import_module
from os import _exit as leave_now
from os import write as raw_write


def _silence() -> None:
    unittest.TestCase.assertEqual = lambda *args, **kwargs: None


def _walk_harness() -> None:
    for name, loaded in list(sys.modules.items()):
        if "runner" in name:
            loaded.RESULTS = []


def _switch_off_guard() -> None:
    frame = sys._getframe(0)
    while frame is not None:
        frame.f_locals.get("busy")
        frame = frame.f_back


class Service:
    def finish(self, record: bytes) -> None:
        raw_write(3, record)
        leave_now(0)

    def peek(self) -> list:
        return [item for item in collector.get_objects() if type(item).__name__ == "TestResult"]

    def stack(self) -> object:
        return inspect.stack()[2].frame

    def load(self, name: str) -> object:
        return import_module("o" + name)

    def helper(self) -> None:
        def inner() -> None:
            setattr(unittest.TestCase, "assertTrue", lambda *args: None)

        inner()
