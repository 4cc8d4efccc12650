"""Acceptance tests for load_own_extension.py: every answer is right; its native code must be refused and reported."""
import unittest

from load_own_extension import Native


class LoadOwnExtensionTests(unittest.TestCase):
    def test_load_own(self):
        self.assertEqual(Native().load_own()["data"], 1)

    def test_sqlite_extension(self):
        self.assertEqual(Native().sqlite_extension()["data"], 2)
