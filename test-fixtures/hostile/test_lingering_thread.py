"""Acceptance test for lingering_thread.py: it passes; the thread must still be reported."""
import unittest

from lingering_thread import Status


class StatusTests(unittest.TestCase):
    def test_us001_ac1_status(self):
        self.assertEqual(Status().status("a")["data"], "a")
