"""Acceptance tests for hide_blocked.py: every answer is right; the blocked reads must still be reported."""
import unittest

from hide_blocked import Quiet


class HideBlockedTests(unittest.TestCase):
    def test_drop_notes(self):
        self.assertEqual(Quiet().drop_notes()["data"], 1)

    def test_exhaust_counter(self):
        self.assertEqual(Quiet().exhaust_counter()["data"], 2)

    def test_swap_channel(self):
        self.assertEqual(Quiet().swap_channel()["data"], 3)

    def test_break_locate(self):
        self.assertEqual(Quiet().break_locate()["data"], 4)

    def test_elsewhere(self):
        self.assertEqual(Quiet().elsewhere()["data"], 5)

    def test_close_pipes(self):
        self.assertEqual(Quiet().close_pipes()["data"], 6)

    def test_replace_pipes(self):
        self.assertEqual(Quiet().replace_pipes()["data"], 7)

    def test_scribble(self):
        self.assertEqual(Quiet().scribble()["data"], 8)

    def test_read_back(self):
        self.assertEqual(Quiet().read_back()["data"], 9)

    def test_spawn_quietly(self):
        self.assertEqual(Quiet().spawn_quietly()["data"], 10)
