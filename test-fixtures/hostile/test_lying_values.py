"""Acceptance tests the lying calculator in lying_values.py must fail: each compares a result."""
import unittest

from lying_values import Calculator


class LyingValuesTest(unittest.TestCase):
    def test_us001_ac1(self):
        self.assertEqual(Calculator().add(2, 3), 5)

    def test_us001_ac2(self):
        self.assertEqual(5, Calculator().add(2, 3))

    def test_us001_ac3(self):
        self.assertTrue(Calculator().add(2, 2) == 4)

    def test_us001_ac4(self):
        self.assertIn(7, Calculator().history())

    def test_us001_ac5(self):
        self.assertIn(Calculator().add(1, 1), [10, 20])

    def test_us001_ac6(self):
        self.assertEqual(Calculator().status(), {"success": True, "message": "ok", "data": None})

    def test_us001_ac7(self):
        self.assertGreater(Calculator().add(1, 1), 10)

    def test_us001_ac8(self):
        self.assertEqual(Calculator().status()["message"], "Added.")

    def test_us001_ac9(self):
        self.assertFalse(Calculator().add(1, 1) != 3)

    def test_us001_ac10(self):
        self.assertEqual(Calculator().add(1, 1), Calculator().add(2, 2))

    def test_us001_ac11(self):
        with Calculator().gate():
            self.assertEqual(Calculator().add(2, 3).__class__.__name__, "int")

    def test_us001_ac12(self):
        self.assertAlmostEqual(Calculator().add(2, 3), 5)
