import unittest

from pantry_manager import PantryTracker


class TestStock(unittest.TestCase):
    def test_us001_ac1_add(self) -> None:
        result = PantryTracker().add_item("rice", 3)
        self.assertEqual(result["message"], "Added 3 x rice to the pantry.")
