"""Acceptance tests that patch the module, so they run in its own process."""
import unittest
from unittest import mock

from forge_in_process import Calculator


class CalculatorTest(unittest.TestCase):
    def test_us001_ac1(self):
        self.assertEqual(Calculator().add(2, 3)["data"], 5)

    def test_us001_ac2(self):
        self.assertEqual(Calculator().add(-2, -3)["data"], -5)

    def test_us001_ac3(self):
        with mock.patch.object(Calculator, "add", return_value={"success": True, "message": "m", "data": 1}):
            self.assertEqual(Calculator().add(1, 1)["data"], 1)
