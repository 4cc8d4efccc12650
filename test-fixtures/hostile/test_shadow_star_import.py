"""A pytest-style test file that star-imports the module after importing pytest."""
import pytest

from shadow_star_import import *  # noqa: F403


def test_us001_ac1_negative_rejected():
    with pytest.raises(ValueError):
        Checker().check(-1)  # noqa: F405
