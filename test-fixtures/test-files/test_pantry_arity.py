import unittest

from pantry_tracker import PantryTracker, format_quantity


class TestStock(unittest.TestCase):
    def setUp(self) -> None:
        self.pantry = PantryTracker(None, "kitchen")

    def test_us001_ac1_add(self) -> None:
        pantry = PantryTracker()
        pantry.add_item("rice")
        pantry.add_item("rice", 3, quantity=3)
        pantry.use_item(name="rice", amount=1)
        self.assertEqual(format_quantity(), "0 g")
