"""Acceptance tests for fresh_copies.py: every answer is right; what it started or signalled must be reported."""
import unittest

from fresh_copies import Fresh


class FreshCopiesTests(unittest.TestCase):
    def test_spawn_with_fresh_copy(self):
        self.assertEqual(Fresh().spawn_with_fresh_copy()["data"], 1)

    def test_signal_parent(self):
        self.assertEqual(Fresh().signal_parent()["data"], 2)

    def test_limit_parent(self):
        self.assertEqual(Fresh().limit_parent()["data"], 3)
