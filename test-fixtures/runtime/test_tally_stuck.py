"""Acceptance tests where the second one hangs inside C code (no alarm can stop it)."""
import unittest
from tally_service import TallyService

class T(unittest.TestCase):
    def test_us001_ac1_first(self):
        self.assertTrue(TallyService().total()["success"])

    def test_us001_ac2_stuck_in_c(self):
        sum(range(10 ** 13))

    def test_us001_ac3_after(self):
        self.assertTrue(True)
