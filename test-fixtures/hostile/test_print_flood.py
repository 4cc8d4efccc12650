"""Acceptance tests for print_flood.py: they pass; the flood must still be reported."""
import unittest

from print_flood import Loud


class LoudTests(unittest.TestCase):
    def test_us001_ac1_shout(self):
        self.assertEqual(Loud().shout("a")["data"], "a")

    def test_us001_ac2_shout_again(self):
        self.assertEqual(Loud().shout("b")["data"], "b")

    def test_us001_ac3_raw(self):
        self.assertEqual(Loud().write_raw("c")["data"], "c")
