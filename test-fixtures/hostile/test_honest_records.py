"""Equality that must keep working through the proxy: dataclass fields and identity."""
import unittest

from honest_records import Roster


class HonestRecordsTest(unittest.TestCase):
    def test_us001_ac1(self):
        self.assertEqual(Roster().slot("Mon", 9, "a"), Roster().slot("Mon", 9, "b"))

    def test_us001_ac2(self):
        self.assertNotEqual(Roster().slot("Mon", 9), Roster().slot("Mon", 10))

    def test_us001_ac3(self):
        roster = Roster()
        self.assertIs(roster.pick(), roster.pick())
        self.assertEqual(roster.pick(), roster.pick())

    def test_us001_ac4(self):
        self.assertIn(Roster().slot("Tue", 10), Roster().slots())

    def test_us001_ac5(self):
        self.assertNotEqual(Roster().slot("Mon", 9), ("Mon", 9))
