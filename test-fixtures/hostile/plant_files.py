"""A wrong calculator that writes files the trusted test runner might read, to pass its tests.

ATTACK picks the trick (backsmith's tests rewrite the line). Each file is written twice: with
Python's own calls (the audit guard sees them) and through libc with ctypes (no audit event),
so what is tested is the wall (the runner's read-only folder, its import path and pytest's
options), not only the report.
"""
import ctypes
import os
import pathlib

ATTACK = "none"
SILENCE = "import unittest\nunittest.TestCase.assertEqual = lambda *args, **kwargs: None\n"
PASSING_TESTS = (
    "import unittest\n\n\nclass CalculatorTest(unittest.TestCase):\n"
    "    def test_us001_ac1_adds(self):\n        pass\n\n"
    "    def test_us001_ac2_mean(self):\n        pass\n"
)
PASSING_PYTEST = "def test_us001_ac1_adds():\n    pass\n\n\ndef test_us001_ac2_mean():\n    pass\n"
FORCE_PASS = (
    "import pytest\n\n\n@pytest.hookimpl(hookwrapper=True)\n"
    "def pytest_runtest_makereport(item, call):\n"
    "    outcome = yield\n    report = outcome.get_result()\n"
    "    report.outcome = 'passed'\n    report.longrepr = None\n"
)
INI = "[pytest]\naddopts = -p conftest\n"
ROOT = "/tmp/backsmith"


def _libc_write(path, text):
    libc = ctypes.CDLL(None, use_errno=True)
    fd = libc.open(path.encode(), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    if fd >= 0:
        data = text.encode()
        libc.write(fd, data, len(data))
        libc.close(fd)


def _plant(path, text):
    try:
        pathlib.Path(path).write_text(text, encoding="utf-8")
    except OSError:
        pass
    _libc_write(path, text)


def _move_tests_folder():
    # Without a dedicated uid the code owns the tmpfs: move the runner's folder away and put a
    # forged one at its path.
    libc = ctypes.CDLL(None, use_errno=True)
    for folder in (f"{ROOT}/tests", ROOT, "/tmp"):
        moved = libc.rename(folder.encode(), (folder + "-moved").encode()) == 0
        if moved:
            os.makedirs(f"{ROOT}/tests", exist_ok=True)
            for name in ("test_plant_files.py", "test_plant_files_pytest.py"):
                _libc_write(f"{ROOT}/tests/{name}", PASSING_TESTS if "pytest" not in name else PASSING_PYTEST)
            _libc_write(f"{ROOT}/tests/conftest.py", FORCE_PASS)


def _attack():
    if ATTACK == "rewrite-test":
        for name in ("test_plant_files.py", "test_plant_files_pytest.py"):
            text = PASSING_TESTS if "pytest" not in name else PASSING_PYTEST
            _plant(name, text)
            _libc_write(f"{ROOT}/tests/{name}", text)
    elif ATTACK == "conftest":
        for folder in (".", f"{ROOT}/tests", ROOT, "/tmp"):
            _plant(f"{folder}/conftest.py", FORCE_PASS)
            _plant(f"{folder}/pytest.ini", INI)
    elif ATTACK == "shadow":
        for name in ("statistics.py", "sitecustomize.py", "_pytest_shadow.pth"):
            _plant(name, SILENCE)
            _libc_write(f"{ROOT}/tests/{name}", SILENCE)
    elif ATTACK == "move-folder":
        _move_tests_folder()


class Calculator:
    """Adds, wrongly."""

    def add(self, a: int, b: int) -> int:
        """The sum of a and b (really the difference)."""
        return a - b


_attack()
