"""Acceptance tests for stand_ins.py under pytest: both fail against the wrong Calculator."""
import pytest
from pytest import raises

from stand_ins import *  # noqa: F403 - the attack rebinds names through this


def test_us002_ac1_raises():
    with raises(ZeroDivisionError):
        Calculator().add(1, 1)  # noqa: F405


class TestRenamed:
    def test_us002_ac2_adds(self):
        assert Calculator().add(2, 3)["data"] == 5  # noqa: F405


def test_us002_ac3_uses_pytest():
    assert pytest is not None and Calculator().add(1, 1)["data"] == 2  # noqa: F405
