"""Acceptance tests for hide_flood.py: two pass, and the flood must still be reported; the third must not pass."""
import unittest

from hide_flood import Quiet


class QuietTests(unittest.TestCase):
    def test_us001_ac1_shout(self):
        self.assertEqual(Quiet().shout("a")["data"], "a")

    def test_us001_ac2_chatter(self):
        self.assertEqual(Quiet().chatter("b")["data"], "b")

    def test_us001_ac3_settle_quietly(self):
        with self.assertNoLogs("hide_flood", "ERROR"):
            self.assertEqual(Quiet().settle("c")["data"], "c")
