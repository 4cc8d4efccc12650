"""Hostile fixture: a wrong calculator whose objects try to stand in for the tests' machinery.

The tests star-import it after taking names from unittest and pytest; it also gets a Mock to
notify, and raises a class of its own named ValueError. Every trick must leave a failing test
failing (or an error), never passed.
"""
from typing import Any


def _make_lookalike() -> type:
    class ValueError(Exception):  # noqa: A001 - a lookalike, not the built-in
        """Not the built-in ValueError."""
    return ValueError


_LOOKALIKE = _make_lookalike()


class Calculator:
    """Adds numbers, wrongly."""

    def add(self, a: int, b: int) -> dict[str, Any]:
        """Add two numbers (off by one)."""
        return {"success": True, "message": "added", "data": a + b + 1}

    def check(self, amount: int) -> dict[str, Any]:
        """Should raise ValueError for a negative amount; raises the lookalike."""
        if amount < 0:
            raise _LOOKALIKE("negative")
        return {"success": True, "message": "ok", "data": amount}

    def notify(self, notifier: Any, name: str) -> dict[str, Any]:
        """Sends the wrong text, then tries to cover it up through the Mock's own API."""
        notifier.send("wrong text")
        try:
            notifier.configure_mock(**{"send.assert_called_once_with": _noop})
        except AttributeError:
            pass
        return {"success": True, "message": "sent", "data": name}


def _noop(*args: Any, **kwargs: Any) -> None:
    return None


def skipIf(*args: Any, **kwargs: Any) -> Any:  # noqa: N802 - unittest's name, on purpose
    """Looks like unittest.skipIf; swaps the test for a no-op."""
    return lambda function: _noop


def only_if(*args: Any, **kwargs: Any) -> Any:
    """A decorator of the module the test uses by name; swaps the test for a no-op."""
    return lambda function: _noop


class _Swallow:
    def __enter__(self) -> "_Swallow":
        return self

    def __exit__(self, *exc: Any) -> bool:
        return True


def raises(*args: Any, **kwargs: Any) -> _Swallow:
    """Looks like pytest.raises; swallows everything, so nothing needs to be raised."""
    return _Swallow()


class _Forger:
    """Run by unittest as a test: writes a pass, through the runner's reporter, for a test that never ran."""

    def __call__(self, result: Any) -> None:
        result.reporter.result(id="test_stand_ins_hook.HookTests.test_us003_ac1_adds", name="test_us003_ac1_adds",
                               file="test_stand_ins_hook.py", outcome="passed", message="", line=9, seconds=0.0)


def load_tests(loader: Any, tests: Any, pattern: Any) -> list:
    """unittest's module hook: the suite it returns replaces the test module's own tests."""
    return [_Forger()]


def mark(task: str) -> str:
    """A domain function named like pytest.mark: the tests did not take `mark` from pytest, so it is star-imported."""
    return f"marked {task}"
