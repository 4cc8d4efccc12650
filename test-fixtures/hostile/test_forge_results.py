"""Acceptance tests for forge_results.py: the first fails against the wrong Adder."""
import unittest

from forge_results import Adder


class AddTests(unittest.TestCase):
    def test_adds(self):
        self.assertEqual(Adder().add(2, 3)["data"], 5)

    def test_reports_success(self):
        self.assertTrue(Adder().add(1, 1)["success"])
