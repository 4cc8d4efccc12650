"""Test file mixing unittest and pytest styles, for the host's own test count."""
import unittest

import pytest


class Helper:
    """Not a test class: no TestCase base, no Test prefix."""

    def test_not_collected(self):
        pass


class BaseChecks(unittest.TestCase):
    def test_base_ok(self):
        self.assertTrue(True)


class BorrowTests(BaseChecks):
    def setUp(self):
        self.books = []

    def test_borrow(self):
        self.assertEqual(self.books, [])

    def test_return_late(self):
        self.assertEqual(len(self.books), 0)

    def helper_method(self):
        return 1


class DeepTests(BorrowTests):
    def test_deep(self):
        self.assertIsNone(None)


class TestPlain:
    def test_plain_method(self):
        assert 1 + 1 == 2


class TestWithInit:
    """pytest does not collect a class with __init__."""

    def __init__(self):
        self.value = 1

    def test_never(self):
        assert self.value


class TestSwitchedOff:
    __test__ = False

    def test_never_either(self):
        assert False


@pytest.fixture
def test_data():
    return [1, 2]


def test_function():
    assert [1, 2] == [1, 2]


@pytest.mark.parametrize("value", [1, 2, 3])
def test_parametrised(value):
    assert value > 0
