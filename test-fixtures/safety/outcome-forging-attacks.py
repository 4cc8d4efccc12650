"""Ways a module can decide its tests' outcomes, each on its own line (outcome-forging.test.ts)."""
import io
import os
import posix
import signal
import unittest
import unittest.result as result
from unittest import SkipTest
from io import FileIO


class Pause(unittest.SkipTest):
    """A skip in disguise."""


def forge() -> None:
    """Every reach, one per line."""
    io.FileIO(4, "w").write(b"x")
    FileIO(int("5"), "w", closefd=False)
    open(4, "w").write("x")
    type.__setattr__(result.TestResult, "addFailure", result.TestResult.addSuccess)
    object.__setattr__(unittest.TestCase, "assertEqual", print)
    posix._exit(0)
    os.abort()
    signal.raise_signal(signal.SIGKILL)
    os.kill(os.getpid(), signal.SIGKILL)
    raise unittest.SkipTest("not today")


def skip() -> None:
    """Through the imported name."""
    raise SkipTest("later")
