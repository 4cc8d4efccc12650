"""Acceptance tests for shadow_test_names.py: all three fail against the wrong Library."""
import unittest
from datetime import date


def expect_ok(test, response):
    test.assertTrue(response["success"], response["message"])


from shadow_test_names import *  # noqa: E402,F403 - the attack rebinds date and expect_ok through this


class LibraryTests(unittest.TestCase):
    def test_us001_ac1_due_in_two_weeks(self):
        self.assertEqual(Library().due(1), date(2024, 1, 15))  # noqa: F405

    def test_us001_ac2_lend(self):
        expect_ok(self, Library().lend("Dune"))  # noqa: F405

    def test_us001_ac3_loan(self):
        self.assertEqual(Library().loan("Dune"), Loan("Dune", 14))  # noqa: F405
