"""Acceptance tests the wrong calculator in tamper_tests.py fails, whatever it tampers with."""
import unittest

from tamper_tests import Calculator


class CalculatorTest(unittest.TestCase):
    def test_us001_ac1(self):
        self.assertEqual(Calculator().add(2, 3), 5)

    def test_us001_ac2(self):
        self.assertTrue(Calculator().add(2, 2) == 4)

    def test_us001_ac3(self):
        with self.assertRaises(ZeroDivisionError):
            Calculator().divide(1, 0)
