"""Acceptance tests for the plant swap shelf (US-001 ... US-003)."""

import unittest

from plant_swap_registry import PlantSwapRegistry


class PlantSwapAcceptance(unittest.TestCase):
    """One test per acceptance criterion."""

    def setUp(self) -> None:
        self.registry = PlantSwapRegistry()

    def test_us001_ac1_add(self) -> None:
        self.assertEqual(self.registry.add_plant("Spider Plant", 3)["message"], "Added 3 cutting(s) of Spider Plant as P1.")

    def test_us001_ac2_name(self) -> None:
        self.assertEqual(self.registry.add_plant("  ", 3)["message"], "Plant name is required.")
        self.assertEqual(self.registry.add_plant("x" * 61, 3)["message"], "Plant name must be 60 characters or fewer.")

    def test_us001_ac3_cuttings(self) -> None:
        for bad in (0, 51):
            self.assertEqual(self.registry.add_plant("Fern", bad)["message"], "Cuttings must be a whole number between 1 and 50.")

    def test_us002_ac1_take(self) -> None:
        self.registry.add_plant("Spider Plant", 3)
        self.assertEqual(self.registry.take_cutting("p1")["message"], "Enjoy your Spider Plant! 2 cutting(s) left.")

    def test_us002_ac2_missing(self) -> None:
        self.assertEqual(self.registry.take_cutting("P9")["message"], "Plant P9 not found.")

    def test_us002_ac3_none_left(self) -> None:
        self.registry.add_plant("Spider Plant", 1)
        self.registry.take_cutting("P1")
        self.assertEqual(self.registry.take_cutting("P1")["message"], "No cuttings of Spider Plant are left.")

    def test_us003_ac1_list(self) -> None:
        self.registry.add_plant("Fern", 1)
        self.registry.add_plant("Mint", 2)
        result = self.registry.list_plants()
        self.assertEqual(result["message"], "2 plant(s) on the shelf.")
        self.assertEqual(result["data"], [["P1", "Fern", 1], ["P2", "Mint", 2]])

    def test_us003_ac2_empty(self) -> None:
        self.assertEqual(self.registry.list_plants()["message"], "The shelf is empty.")


if __name__ == "__main__":
    unittest.main()
