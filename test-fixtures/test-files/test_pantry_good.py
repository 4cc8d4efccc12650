"""Acceptance tests for pantry_tracker: one per criterion."""

import unittest

from pantry_tracker import PantryTracker, format_quantity


class PantryCase(unittest.TestCase):
    def setUp(self) -> None:
        self.pantry = PantryTracker(clock=None)


class TestUS001Stock(PantryCase):
    def test_us001_ac1_add(self) -> None:
        result = self.pantry.add_item("rice", 3)
        self.assertEqual(result["message"], "Added 3 x rice to the pantry.")
        other = self.pantry.add_item("oats", 2)
        self.assertEqual(other["message"], "Added 2 x oats to the pantry.")

    def test_ac2_blank_name(self) -> None:
        """US-001 AC2: a blank name is refused."""
        for blank in ("", "  "):
            self.assertIn("name is required", self.pantry.add_item(blank, 1)["message"])


class TestUse(PantryCase):
    # Covers US-002 AC1
    def test_not_enough(self) -> None:
        self.pantry.add_item("rice", 3)
        self.assertEqual(self.pantry.use_item("rice", 5), {"success": False, "message": "Not enough rice: 3 left.", "data": {}})

    def test_empty_list(self) -> None:
        # US-002, AC2
        tracker = PantryTracker()
        assert tracker.list_items()["message"] == "The pantry is empty."
        assert format_quantity(5) == "5 g"
        self.assertEqual(format_quantity(5, unit="kg"), "5 kg", "the unit is kept as given")
