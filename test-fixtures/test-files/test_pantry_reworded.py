import unittest

from pantry_tracker import PantryTracker


class TestStock(unittest.TestCase):
    def test_us001_ac1_add(self) -> None:
        result = PantryTracker().add_item("rice", 3)
        self.assertEqual(result["message"], "Added 3 x rice to pantry.")

    def test_us001_ac2_blank(self) -> None:
        result = PantryTracker().add_item("", 1)
        assert result["message"] == "Item name is needed."

    def test_us002_ac1_not_enough(self) -> None:
        tracker = PantryTracker()
        tracker.add_item("rice", 3)
        self.assertIn("Not enough rice: 3 remain", tracker.use_item("rice", 5)["message"])

    def test_us002_ac2_empty(self) -> None:
        self.assertEqual(PantryTracker().list_items()["message"], "Your pantry is empty.")
