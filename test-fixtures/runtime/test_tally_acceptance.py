"""Acceptance tests for tally_service (US-001, US-002)."""
import unittest

from tally_service import TallyService


class TallyTests(unittest.TestCase):
    def setUp(self) -> None:
        self.service = TallyService()

    def test_us001_ac1_add_item(self) -> None:
        result = self.service.add_item("apple", 3)
        self.assertTrue(result["success"])
        self.assertEqual(result["data"], {"name": "apple", "count": 3})

    def test_us001_ac2_blank_name_rejected(self) -> None:
        self.assertEqual(self.service.add_item("  ")["message"], "Item name is required.")

    def test_us002_ac1_total_counts_everything(self) -> None:
        self.service.add_item("apple", 3)
        self.service.add_item("pear", 2)
        self.assertEqual(self.service.total()["data"], 5, "total of 3 apples and 2 pears")

    def test_us002_ac2_table_rows(self) -> None:
        self.service.add_item("pear", 2)
        self.service.add_item("apple", 1)
        self.assertEqual(self.service.table()["data"], [["apple", 1], ["pear", 2]])


if __name__ == "__main__":
    unittest.main()
