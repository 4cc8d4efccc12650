"""Acceptance tests the wrong calculator in plant_files.py fails, whatever files it writes."""
import statistics
import unittest

from plant_files import Calculator


class CalculatorTest(unittest.TestCase):
    def test_us001_ac1_adds(self):
        self.assertEqual(Calculator().add(2, 3), 5)

    def test_us001_ac2_mean(self):
        results = [Calculator().add(1, 1), Calculator().add(2, 2)]
        self.assertEqual(statistics.mean(results), 3)
