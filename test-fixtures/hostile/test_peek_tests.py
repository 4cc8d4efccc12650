"""Acceptance test for peek_tests.py: it fails against the wrong Calculator, whatever it reads."""
import unittest

from peek_tests import Calculator


class PeekTests(unittest.TestCase):
    def test_us001_ac1_adds(self):
        self.assertEqual(Calculator().add(2, 3)["data"], 5)
