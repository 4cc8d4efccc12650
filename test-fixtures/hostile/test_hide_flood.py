"""Acceptance tests for hide_flood.py: they pass; the flood must still be reported."""
import unittest

from hide_flood import Quiet


class QuietTests(unittest.TestCase):
    def test_us001_ac1_shout(self):
        self.assertEqual(Quiet().shout("a")["data"], "a")

    def test_us001_ac2_chatter(self):
        self.assertEqual(Quiet().chatter("b")["data"], "b")
