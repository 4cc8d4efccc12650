import unittest

import pantry_tracker
from pantry_tracker import PantryItem, PantryTracker


class TestStock(unittest.TestCase):
    def setUp(self) -> None:
        self.pantry = PantryTracker()

    def test_us001_ac1_add(self) -> None:
        self.pantry.add_item("rice", 3)
        self.assertEqual(self.pantry.count_items(), 1)

    def test_us001_ac2_restock(self) -> None:
        tracker = pantry_tracker.PantryTracker()
        tracker.restock("rice")
        pantry_tracker.clear_all()
