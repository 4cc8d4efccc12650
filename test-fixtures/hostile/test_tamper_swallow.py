"""A test that expects any exception: a hang must not pass it by raising the time-limit error."""
import unittest

from tamper_tests import Calculator


class SwallowTest(unittest.TestCase):
    def test_us001_ac1_any_error(self):
        with self.assertRaises(Exception):
            Calculator().add(1, 2)
