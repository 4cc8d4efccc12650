"""Acceptance tests for skip_by_module.py under pytest: only the honest test passes and only the author's skip skips."""
import pytest

from skip_by_module import Gate


def test_us002_ac1_callback_skips():
    def report(value):
        if value is None:
            pytest.skip("no value yet")
        assert value == 5
    Gate().count(report)


def test_us002_ac2_skip_on_answer():
    if Gate().latest() is None:
        pytest.skip("latest is not implemented")
    assert Gate().latest() == 5


@pytest.mark.skip(reason="the author's own decision")
def test_us002_ac3_authors_skip():
    assert Gate().size() == 6


def test_us002_ac4_honest():
    assert Gate().size() == 5


@pytest.mark.parametrize("size", Gate.SIZES)
def test_us002_ac5_each_size(size):
    assert Gate().size() == size
